package sunshine.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Chinese first: zh-CN unless the user chose English ({@code ?lang=en}, kept in a cookie) or an API caller asks for it. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sunshine-lang");
        // pages: Chinese unless the user switched; the API: the caller's Accept-Language
        resolver.setDefaultLocaleFunction(req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/")
                        && req.getHeader("Accept-Language") != null
                        && req.getLocale().getLanguage().equals("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * No rewriting of the links in pages. Spring Boot installs {@link ResourceUrlEncodingFilter} because the webjars
     * locator is present; it passes every link a page writes ({@code @{...}}, dozens per table) through the static
     * resource resolvers, and a link that is not a static file (all of them but a few) is looked up on the whole
     * classpath, jar by jar, every time (only hits are cached). Under 50 users that serialised the pages on the jar
     * files' locks (seconds per page). Webjars are still served by their version-less paths.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noLinkRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
