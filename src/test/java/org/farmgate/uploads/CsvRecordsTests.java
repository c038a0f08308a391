package org.farmgate.uploads;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A CSV text is read record by record as Excel and the marketplaces write it, each record
 * with the line the user sees it begin on.
 */
class CsvRecordsTests {

	@Test
	void quotedCellsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
		List<String> read = read("订单编号,备注\r\n1001,\"送货前\r\n请来电, 谢谢\"\r\n1002,\"他说\"\"好\"\"\"\r\n");

		assertThat(read).containsExactly("1:[订单编号, 备注]", "2:[1001, 送货前\r\n请来电, 谢谢]", "4:[1002, 他说\"好\"]");
	}

	@Test
	void aRecordAfterEmptyLinesIsOnTheLineItBeginsOn() throws IOException {
		// Commons CSV placed such a record on the first empty line before it
		assertThat(read("h\n\n\nx,y\nz")).containsExactly("1:[h]", "4:[x, y]", "5:[z]");
		assertThat(read("h\r\n\r\nx\r\n")).containsExactly("1:[h]", "3:[x]");
	}

	@Test
	void linesEndingInCarriageReturnsAloneAreRecordsOnOneLine() throws IOException {
		// as Excel for Mac saves CSV; lines are counted by their line feeds
		assertThat(read("\"a\",\"b\"\r\"c\r\nd\",e\r\rf\r")).containsExactly("1:[a, b]", "1:[c\r\nd, e]", "2:[f]");
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsAnOrdinaryCharacter() throws IOException {
		// Taobao writes long numbers as formulas so that Excel keeps their digits
		assertThat(read("=\"3318000123456789\",a\"b\n")).containsExactly("1:[=\"3318000123456789\", a\"b]");
	}

	@Test
	void aCommaAtTheEndOpensAnEmptyCellAndABlankLineIsARecord() throws IOException {
		assertThat(read("a,")).containsExactly("1:[a, ]");
		assertThat(read("a,\n  \n\"\"")).containsExactly("1:[a, ]", "2:[  ]", "3:[]");
		assertThat(read("\"a\"  ,b")).containsExactly("1:[a, b]");
	}

	@Test
	void aQuotedCellNeverClosedOrFollowedByTextIsNotCsvAndTheMessageSaysWhere() {
		assertThatThrownBy(() -> read("a\nb,\"open\nc\n")).isInstanceOf(IOException.class)
			.hasMessage("line 2: a quoted cell is never closed");
		assertThatThrownBy(() -> read("a,\"one\ntwo\",\"open\nc\n")).isInstanceOf(IOException.class)
			.hasMessage("line 2: a quoted cell is never closed");
		assertThatThrownBy(() -> read("a\n\n\"x\"y,z\n")).isInstanceOf(IOException.class)
			.hasMessage("line 3: text after a quoted cell's closing quote");
	}

	@Test
	void itReadsWhatCommonsCsvsDefaultFormatReads() throws IOException {
		char[] alphabet = { 'a', '1', '中', ',', ',', '"', '"', '\n', '\r', ' ', '=', '\t' };
		Random random = new Random(20261201);
		int failing = 0;
		for (int text = 0; text < 20_000; text++) {
			StringBuilder built = new StringBuilder();
			int length = random.nextInt(30);
			for (int i = 0; i < length; i++) {
				built.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String csv = built.toString();
			List<String> ours = new ArrayList<>();
			boolean oursFailed = false;
			try {
				CsvRecords.read(csv, (line, cells) -> ours.add(line + ":" + cells));
			}
			catch (IOException ex) {
				oursFailed = true;
			}
			List<String> theirs = new ArrayList<>();
			boolean theirsFailed = false;
			try (CSVParser parser = CSVFormat.DEFAULT.builder()
				.setIgnoreEmptyLines(true)
				.get()
				.parse(new StringReader(csv))) {
				for (CSVRecord record : parser) {
					// Commons CSV's position is where the record before ended: the record
					// begins at the first character after it that ends no line
					int begins = (int) record.getCharacterPosition();
					while (csv.charAt(begins) == '\n' || csv.charAt(begins) == '\r') {
						begins++;
					}
					long line = 1 + csv.substring(0, begins).chars().filter(c -> c == '\n').count();
					theirs.add(line + ":" + record.toList());
				}
			}
			catch (UncheckedIOException ex) {
				theirsFailed = true;
			}
			assertThat(oursFailed).as("fails on %s", csv).isEqualTo(theirsFailed);
			if (!oursFailed) {
				assertThat(ours).as("records of %s", csv).isEqualTo(theirs);
			}
			else {
				failing++;
			}
		}
		// the texts took both ways
		assertThat(failing).isBetween(1_000, 19_000);
	}

	private static List<String> read(String text) throws IOException {
		List<String> records = new ArrayList<>();
		CsvRecords.read(text, (line, cells) -> records.add(line + ":" + cells));
		return records;
	}

}
