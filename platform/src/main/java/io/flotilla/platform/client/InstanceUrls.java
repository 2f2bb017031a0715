package io.flotilla.platform.client;

import java.net.URI;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;

/**
 * Lets an instance of the simple discovery client be given as its URL, so that a service's
 * instances fit in one property or environment variable: {@code
 * spring.cloud.discovery.client.simple.instances.hardware=http://a:8086,http://b:8086}. The indexed
 * form ({@code ...hardware[0].uri=...}) keeps working.
 */
final class InstanceUrls implements Converter<String, InstanceProperties> {

  @Override
  public InstanceProperties convert(String url) {
    var instance = new InstanceProperties();
    instance.setUri(URI.create(url.strip()));
    return instance;
  }
}
