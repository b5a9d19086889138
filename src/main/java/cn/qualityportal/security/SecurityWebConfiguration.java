package cn.qualityportal.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

	private final DataScopeArgumentResolver dataScopes;

	SecurityWebConfiguration(DataScopeArgumentResolver dataScopes) {
		this.dataScopes = dataScopes;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(dataScopes);
	}

}
