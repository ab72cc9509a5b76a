package io.llmops.observability.springai.internal;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Declares a bean of Spring AI 2's {@code OpenAiHttpClientBuilderCustomizer} type (found by its
 * name: this module is compiled against Spring AI 1.1, which has no such type), which Spring AI's
 * OpenAI auto-configuration hands every OkHttp client it builds for the provider. The bean is
 * an {@link OkHttpInterceptorCustomizer}. Internal.
 */
public final class OpenAiHttpClientRegistrar
    implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {

  /** Spring AI 2's customizer of the OpenAI models' HTTP client. */
  public static final String CUSTOMIZER =
      "org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer";

  static final String BEAN_NAME = "llmopsOpenAiHttpClientCustomizer";

  private ClassLoader loader = ClassUtils.getDefaultClassLoader();

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    loader = classLoader;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata,
      BeanDefinitionRegistry registry) {
    if (registry.containsBeanDefinition(BEAN_NAME)) {
      return;
    }
    Class<?> type = ClassUtils.resolveClassName(CUSTOMIZER, loader);
    RootBeanDefinition definition = new RootBeanDefinition(type);
    definition.setInstanceSupplier(() -> OkHttpInterceptorCustomizer.implementing(type));
    definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
    registry.registerBeanDefinition(BEAN_NAME, definition);
  }
}
