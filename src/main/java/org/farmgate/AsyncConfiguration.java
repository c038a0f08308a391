package org.farmgate;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * What an asynchronous listener's exception logs: a listener that declines its event
 * because the application stops ({@link TakenAtNextStart}) nothing above DEBUG (a stop
 * during a burst of events leaves hundreds queued, none an error, and Spring Modulith
 * already says at INFO that it leaves the publication uncompleted); anything else an
 * ERROR with its stack, as Spring logs it by default. The executors stay Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer {

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return new StoppingAware();
	}

	static final class StoppingAware implements AsyncUncaughtExceptionHandler {

		private static final Logger logger = LoggerFactory.getLogger(AsyncConfiguration.class);

		private final AsyncUncaughtExceptionHandler otherwise = new SimpleAsyncUncaughtExceptionHandler();

		@Override
		public void handleUncaughtException(Throwable ex, Method method, Object... params) {
			if (ex instanceof TakenAtNextStart) {
				logger.debug("{}.{}: {}", method.getDeclaringClass().getSimpleName(), method.getName(),
						ex.getMessage());
			}
			else {
				this.otherwise.handleUncaughtException(ex, method, params);
			}
		}

	}

}
