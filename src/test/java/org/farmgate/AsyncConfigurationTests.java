package org.farmgate;

import java.lang.reflect.Method;

import org.farmgate.orders.OrdersImported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that declines its event because the application stops logs no error and no
 * stack; any other exception of an asynchronous method is still an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncConfigurationTests {

	private final AsyncUncaughtExceptionHandler handler = new AsyncConfiguration().getAsyncUncaughtExceptionHandler();

	@Test
	void aListenerDecliningItsEventAtTheStopLogsNoErrorAndNoStack(CapturedOutput output) throws Exception {
		this.handler.handleUncaughtException(new TakenAtNextStart(new Object()), listener(), "an event");

		// Spring Modulith says at INFO that it leaves the publication uncompleted
		assertThat(output.getOut()).doesNotContain("ERROR")
			.doesNotContain("\tat ")
			.doesNotContain("is taken at the next start");
	}

	@Test
	void anyOtherExceptionOfAnAsynchronousMethodStaysAnErrorWithItsStack(CapturedOutput output) throws Exception {
		this.handler.handleUncaughtException(new IllegalStateException("the disk is full"), listener(), "an event");

		assertThat(output.getOut()).contains("ERROR").contains("the disk is full").contains("\tat ");
	}

	private static Method listener() throws NoSuchMethodException {
		return Listener.class.getDeclaredMethod("on", OrdersImported.class);
	}

	static class Listener {

		void on(OrdersImported event) {
		}

	}

}
