package cn.qualityportal.system.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** Database faults answered clearly in every mode: embedded (with its supervisor) or external. */
@Configuration(proxyBeanMethods = false)
class DatabaseFaultConfiguration {

	/** Before every other filter: the session filter already reads PostgreSQL. */
	@Bean
	FilterRegistrationBean<DatabaseFaultFilter> databaseFaultFilter(ObjectProvider<DatabaseSupervisor> supervisor,
			MessageSource messages, LocaleResolver localeResolver, SpringTemplateEngine templates, JsonMapper json) {
		FilterRegistrationBean<DatabaseFaultFilter> registration = new FilterRegistrationBean<>(
				new DatabaseFaultFilter(supervisor, messages, localeResolver, templates, json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
