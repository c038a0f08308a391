package org.farmgate.geo;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A village file's rows keep the lines the user sees them on.
 */
class VillageImportTests {

	@Test
	void aRowAfterEmptyLinesIsOnTheLineItBeginsOn() {
		String csv = "乡镇,村\n永靖镇,\"新村\n一组\"\n\n\n永靖镇,立碑村\n";

		VillageImport.Preview preview = VillageImport.read("520122", "villages.csv",
				csv.getBytes(StandardCharsets.UTF_8), (township, village) -> false);

		assertThat(preview.rows()).extracting(VillageImport.Row::line).containsExactly(2, 6);
	}

	@Test
	void columnsWithoutAHeaderAsExcelLeavesThemAreNotRead() {
		// Commons CSV refused such a file whole ("a header name is missing")
		String csv = "乡镇,村,,\n永靖镇, 立碑村 ,,\n";

		VillageImport.Preview preview = VillageImport.read("520122", "villages.csv",
				csv.getBytes(StandardCharsets.UTF_8), (township, village) -> false);

		assertThat(preview.fileProblem()).isNull();
		assertThat(preview.rows()).singleElement().satisfies(row -> {
			assertThat(row.township()).isEqualTo("永靖镇");
			assertThat(row.village()).isEqualTo("立碑村");
		});
	}

}
