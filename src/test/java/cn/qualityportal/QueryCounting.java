package cn.qualityportal;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the application runs on the calling thread (MockMvc requests run on
 * the test's thread), so a test can hold a page to a fixed number of queries whatever its rows.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
						? ProxyDataSourceBuilder.create(dataSource).name(beanName).countQuery().build() : bean;
			}
		};
	}

	/** The statements run on this thread since the last call. */
	public static long take() {
		long total = QueryCountHolder.getGrandTotal().getTotal();
		QueryCountHolder.clear();
		return total;
	}

}
