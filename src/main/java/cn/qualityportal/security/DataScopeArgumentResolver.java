package cn.qualityportal.security;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.organisation.Role;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives every handler that declares a {@link DataScope} parameter the signed-in user's scope,
 * computed from the current region tree on each request, so a change to the tree or the account
 * applies at once and no controller can forget to ask. {@link #scopeOf(PortalUser)} is the one
 * place a person's scope is decided; other modules' argument resolvers (reporting's actor) ask it.
 */
@Component
public class DataScopeArgumentResolver implements HandlerMethodArgumentResolver {

	static {
		// Resolved here, never sent by a client: the API description must not list it as a parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(DataScope.class);
	}

	private final Regions regions;

	DataScopeArgumentResolver(Regions regions) {
		this.regions = regions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return DataScope.class.equals(parameter.getParameterType());
	}

	@Override
	public DataScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			return DataScope.NOTHING;
		}
		return scopeOf(user);
	}

	/** The regions a signed-in person reads and writes: their unit's region, and those below when their account says so. */
	public DataScope scopeOf(PortalUser user) {
		return regions.scopeOf(user.unit(), user.scopeIncludesSubregions(), user.hasRole(Role.ADMIN));
	}

}
