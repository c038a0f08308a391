package org.farmgate.accounts;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two ways in: the JSON API under {@code /api/**} (HTTP Basic or a personal API token,
 * stateless, answers 401/403 in JSON) and the pages (form login with a session and CSRF
 * protection).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths anyone may open without signing in. */
	static final String[] PUBLIC_PATHS = { "/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
			"/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/trace/**", "/catalog/photos/**", "/training/public/**",
			"/certificates/**", "/shop", "/shop/**", "/open-data", "/open-data/**" };

	/**
	 * API paths anyone may call: the public, read-only catalog, and the shops' webhooks
	 * (each call is signed with the shop's secret instead).
	 */
	static final String[] PUBLIC_API_PATHS = { "/api/public/**", "/api/v1/webhooks/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * The one way to check a password, used by form login and HTTP Basic alike. It has no
	 * parent manager: a parent would check the password again, counting each failure
	 * twice and letting a throttled attempt through.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDirectory directory, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuditLog auditLog) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(directory);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle, auditLog));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			AccountManagement accounts, ApiErrors errors) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(PUBLIC_API_PATHS).permitAll().anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(errors.entryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors.entryPoint())
				.accessDeniedHandler(errors.accessDenied()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// Every API request carries its own credentials in a header and no session
			// cookie is issued or honoured, so there is no ambient authority to forge.
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(accounts, errors), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			AccountManagement accounts, AuditLog auditLog) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				auditLog.record(authentication.getName(), "LOGIN", null, request.getRemoteAddr());
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		afterLogin.setDefaultTargetUrl("/");
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").successHandler(afterLogin).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
				if (authentication != null) {
					auditLog.record(authentication.getName(), "LOGOUT", null, request.getRemoteAddr());
				}
			}).logoutSuccessUrl("/login?logout").permitAll())
			.addFilterBefore(new StaleSessionFilter(accounts), AuthorizationFilter.class);
		return http.build();
	}

}
