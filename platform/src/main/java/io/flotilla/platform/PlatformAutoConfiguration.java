package io.flotilla.platform;

import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.slf4j.MDC;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

/** What a service gets by depending on the platform, for whichever web stack it runs on. */
// Before Spring MVC's own, whose problem-details handler and error controller step back when
// ours are present.
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
    })
class PlatformAutoConfiguration {

  /**
   * The proxies in front of this service whose {@code X-Forwarded-For} names the client ({@code
   * flotilla.trusted-proxies}: addresses or ranges such as 10.0.0.0/8); none by default.
   */
  @Bean
  TrustedProxies trustedProxies(Environment environment) {
    return TrustedProxies.of(
        Binder.get(environment)
            .bind("flotilla.trusted-proxies", Bindable.listOf(String.class))
            .orElse(List.of()));
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.SERVLET)
  @EnableConfigurationProperties(RequestLimits.class)
  static class Servlet {

    @Bean
    FilterRegistrationBean<RequestLoggingFilter> requestLoggingFilter() {
      var registration = new FilterRegistrationBean<>(new RequestLoggingFilter());
      // Just inside Spring's observation filter (HIGHEST_PRECEDENCE + 1), so that the log line
      // carries the trace id, and outside everything else, so the duration includes it.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
      return registration;
    }

    @Bean
    ClientAddresses clientAddresses(TrustedProxies proxies) {
      return new ClientAddresses(proxies);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(RequestLimits limits) {
      return new ProblemDetailsAdvice(limits);
    }

    @Bean
    ProblemErrorController problemErrorController() {
      return new ProblemErrorController();
    }

    @Bean
    StrictJsonBodies strictJsonBodies() {
      return new StrictJsonBodies();
    }

    /** Right inside the request log, so that a refused body is logged and nothing else runs. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestLimits limits) {
      var registration =
          new FilterRegistrationBean<>(new RequestBodyLimit(limits.maxBodySize().toBytes()));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
      return registration;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RestClientCustomizer.class)
  static class OutgoingCalls {

    /**
     * Every RestClient (and RestTemplate) built from Boot's builder passes on the request id of the
     * request being served, so the log lines of a call and of the request that made it share one
     * id.
     */
    @Bean
    RestClientCustomizer requestIdPropagation() {
      return builder -> builder.requestInterceptor(OutgoingCalls::withRequestId);
    }

    @Bean
    RestTemplateCustomizer requestIdPropagationInTemplates() {
      return template -> template.getInterceptors().add(OutgoingCalls::withRequestId);
    }

    private static ClientHttpResponse withRequestId(
        HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
      String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
      if (requestId != null && !request.getHeaders().containsHeader(RequestIds.HEADER)) {
        request.getHeaders().set(RequestIds.HEADER, requestId);
      }
      return execution.execute(request, body);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.SERVLET)
  @ConditionalOnClass(TomcatURLStreamHandlerFactory.class)
  static class Tomcat {

    /**
     * Tomcat installs a URL stream handler factory for war: URLs, and a JVM accepts only one: the
     * second Tomcat in the launcher's JVM (each service has its own class loader, so its own copy
     * of Tomcat) would fail with "factory already defined". No Flotilla service serves war: URLs.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> oneOfSeveralTomcatsInAJvm() {
      return factory -> TomcatURLStreamHandlerFactory.disable();
    }

    /**
     * Requests Tomcat refuses before Spring sees them (a broken percent escape, an encoded slash, a
     * NUL in the path) get problem details too, not Tomcat's HTML page or its stack trace.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcatItself() {
      return factory ->
          factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
              host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.REACTIVE)
  static class Reactive {

    @Bean
    ReactiveRequestLoggingFilter reactiveRequestLoggingFilter() {
      return new ReactiveRequestLoggingFilter();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.REACTIVE)
  @ConditionalOnClass(NettyRouteProvider.class)
  @EnableConfigurationProperties(RequestLimits.class)
  static class Netty {

    @Bean
    UnreadableRequestTargets unreadableRequestTargets() {
      return new UnreadableRequestTargets();
    }

    /** A stalled body is cut off after the same silence as stalled headers. */
    @Bean
    NettyRequestLimits nettyRequestLimits(
        @Value("${server.netty.idle-timeout:30s}") Duration idleTimeout, RequestLimits limits) {
      return new NettyRequestLimits(idleTimeout, limits.receiveTimeout());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(OpenApiCustomizer.class)
  static class ApiDocs {

    /**
     * The OpenAPI document names its server by a relative URL, so that "Try it out" calls whichever
     * host served the document: the service itself, or the gateway that publishes it at {@code
     * /v3/api-docs/<service>}. Springdoc would name the service's own address, which a browser at
     * the gateway must not (and in a cluster cannot) reach. Every public path is the same on the
     * gateway as on the service, so "/" is right for both.
     */
    /** Tags, trailing-slash twins and error responses: see {@link ApiDocsConventions}. */
    @Bean
    OpenApiCustomizer apiDocsConventions(Environment environment) {
      return new ApiDocsConventions(
          environment.getProperty("spring.application.name", "service"),
          environment.getProperty("flotilla.api-docs.problems", Boolean.class, true));
    }

    @Bean
    OpenApiCustomizer relativeServerUrl(Environment environment) {
      String service = environment.getProperty("spring.application.name", "service");
      return api -> {
        api.setServers(List.of(new Server().url("/").description("the host serving this page")));
        if (api.getInfo() != null && "OpenAPI definition".equals(api.getInfo().getTitle())) {
          api.getInfo().setTitle("Flotilla " + service);
        }
      };
    }
  }
}
