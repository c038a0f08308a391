package org.farmgate.logistics;

import java.nio.charset.StandardCharsets;

import org.farmgate.logistics.RateTableCsv.Result;
import org.farmgate.logistics.RateTableCsv.RowProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate tables read from uploaded CSV files: the good rows land, every bad one is reported
 * with its line in the file and a message key, and what is written reads back the same.
 */
class RateTableCsvTests {

	private static final String HEADER = "carrier,province,first_kg,first_yuan,step_kg,step_yuan\n";

	@Test
	void aGoodFileGivesItsRates() {
		Result result = parse(HEADER + """
				SF,520000,1,10,1,2
				中通快递,*,0.5,3.5,0.25,0.8
				yunda,650000,1.000,12.00,1,10
				""");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rates()).containsExactly(new Rate(Carrier.SF, "520000", 1000, 1000, 1000, 200),
				new Rate(Carrier.ZTO, "*", 500, 350, 250, 80),
				new Rate(Carrier.YUNDA, "650000", 1000, 1200, 1000, 1000));
	}

	@Test
	void aFileWithAByteOrderMarkAndCrlfLineEndsIsReadAlike() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = (HEADER + "SF,520000,1,10,1,2\r\nJT,*,1,5,1,3\r\n").replace("\n", "\r\n")
			.replace("\r\r", "\r")
			.getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(text, 0, file, bom.length, text.length);
		Result result = RateTableCsv.parse(file);
		assertThat(result.problems()).isEmpty();
		assertThat(result.rates()).extracting(Rate::carrier).containsExactly(Carrier.SF, Carrier.JT);
	}

	@Test
	void badRowsAreReportedWithTheirLinesWhileTheOthersLand() {
		Result result = parse(HEADER + """
				SF,520000,1,10,1,2
				百世,520000,1,10,1,2
				ZTO,520000,1,3,1,1
				YTO,520000,1,-3,1,1
				YTO,*,1,5,1,3
				""");
		assertThat(result.problems()).containsExactly(new RowProblem(3, "logistics.rates.row.carrier", "百世"),
				new RowProblem(5, "logistics.rates.row.first-yuan", "-3"));
		assertThat(result.rates()).extracting(Rate::carrier).containsExactly(Carrier.SF, Carrier.ZTO, Carrier.YTO);
	}

	@Test
	void blankLinesAndQuotedLineBreaksStillCountAsPhysicalLines() {
		Result result = parse(HEADER + "\nSF,520000,1,10,1,2\n,,,,,\n\"ZTO\n\",*,1,3,1,1\nXX,*,1,3,1,1\n");
		assertThat(result.rates()).extracting(Rate::carrier).containsExactly(Carrier.SF, Carrier.ZTO);
		assertThat(result.problems()).containsExactly(new RowProblem(7, "logistics.rates.row.carrier", "XX"));
	}

	@Test
	void aBadRowRightAfterBlankLinesIsReportedOnItsOwnLine() {
		Result result = parse(HEADER + "SF,520000,1,10,1,2\n\n\r\nXX,*,1,3,1,1\n");
		assertThat(result.problems()).containsExactly(new RowProblem(5, "logistics.rates.row.carrier", "XX"));
	}

	@Test
	void eachBadCellOfARowIsReported() {
		Result result = parse(HEADER + "SF,5201,0,1.234,1.0001,abc\n");
		assertThat(result.rates()).isEmpty();
		assertThat(result.problems()).extracting(RowProblem::reason)
			.containsExactly("logistics.rates.row.province", "logistics.rates.row.first-kg",
					"logistics.rates.row.first-yuan", "logistics.rates.row.step-kg", "logistics.rates.row.step-yuan");
		assertThat(result.problems()).extracting(RowProblem::line).containsOnly(2);
	}

	@Test
	void aDuplicateCarrierAndProvinceIsAProblemOnTheSecondLine() {
		Result result = parse(HEADER + """
				SF,520000,1,10,1,2
				ZTO,520000,1,3,1,1
				shunfeng,520000,1,12,1,3
				""");
		assertThat(result.problems()).containsExactly(new RowProblem(4, "logistics.rates.row.duplicate", "SF 520000"));
		assertThat(result.rates()).extracting(Rate::firstFen).containsExactly(1000L, 300L);
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedAsAWhole() {
		Result result = parse("carrier,province,first_kg\nSF,520000,1\n");
		assertThat(result.rates()).isEmpty();
		assertThat(result.problems())
			.containsExactly(new RowProblem(1, "logistics.rates.header", "first_yuan,step_kg,step_yuan"));
		assertThat(parse("").problems()).extracting(RowProblem::reason).containsExactly("logistics.rates.header");
	}

	@Test
	void aFileNotInUtf8IsReportedAtItsFirstBadLine() {
		byte[] gbk = (HEADER + "SF,520000,1,10,1,2\n中通,*,1,3,1,1\n").getBytes(java.nio.charset.Charset.forName("GBK"));
		assertThat(RateTableCsv.parse(gbk).problems())
			.containsExactly(new RowProblem(3, "logistics.rates.file.encoding"));
	}

	@Test
	void anUnclosedQuoteKeepsTheRowsBeforeIt() {
		Result result = parse(HEADER + "SF,520000,1,10,1,2\nZTO,\"520000,1,3,1,1\n");
		assertThat(result.rates()).hasSize(1);
		assertThat(result.problems()).containsExactly(new RowProblem(3, "logistics.rates.file.malformed"));
	}

	@Test
	void theDemoRatesRoundTripThroughWriteAndParse() {
		RateTable demo = RateTable.demo();
		Result result = RateTableCsv.parse(RateTableCsv.write(demo.rates()));
		assertThat(result.problems()).isEmpty();
		assertThat(result.rates()).isEqualTo(demo.rates());
	}

	@Test
	void oddWeightsAndPricesRoundTripToo() {
		var rates = java.util.List.of(new Rate(Carrier.DEPPON, "*", 3250, 1205, 125, 7),
				new Rate(Carrier.EMS, "540000", 1, 0, 1000, 0));
		assertThat(new String(RateTableCsv.write(rates), StandardCharsets.UTF_8)).isEqualTo(
				"\uFEFF" + HEADER.trim() + "\r\nDEPPON,*,3.25,12.05,0.125,0.07\r\nEMS,540000,0.001,0.00,1,0.00\r\n");
		assertThat(RateTableCsv.parse(RateTableCsv.write(rates)).rates()).isEqualTo(rates);
	}

	private static Result parse(String csv) {
		return RateTableCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
	}

}
