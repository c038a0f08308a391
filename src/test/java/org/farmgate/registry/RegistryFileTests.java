package org.farmgate.registry;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry file's rows keep the lines the user sees them on.
 */
class RegistryFileTests {

	@Test
	void aRowAfterEmptyLinesIsOnTheLineItBeginsOn() throws Exception {
		String csv = "name,phone\r\n张三,13700000001\r\n\r\n\r\n李四,\"137\n00000002\"\r\n王五,13700000003\r\n";

		assertThat(RegistryFile.read("people.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.extracting(RegistryFile.Line::number)
			.containsExactly(2, 5, 7);
	}

	@Test
	void columnsWithoutAHeaderAsExcelLeavesThemAreNotReadAndTheCellsAreTrimmed() throws Exception {
		// Commons CSV refused such a file whole ("a header name is missing")
		String csv = " Name ,Phone,,\n 张三 ,\" 13700000001 \",,\n李四\n";

		assertThat(RegistryFile.read("people.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.extracting(RegistryFile.Line::cells)
			.containsExactly(java.util.Map.of("name", "张三", "phone", "13700000001"),
					java.util.Map.of("name", "李四", "phone", ""));
	}

}
