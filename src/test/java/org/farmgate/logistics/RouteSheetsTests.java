package org.farmgate.logistics;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.farmgate.logistics.RunView.RunStop;
import org.farmgate.logistics.RunView.UnplannedLoad;
import org.farmgate.logistics.RunView.VehicleRoute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The route sheet read back from the PDF: A4 portrait pages, each van on pages of its own
 * with its plate, stations and times as searchable text, the loads left unplanned with
 * their reason, and one page when there is nothing to carry.
 */
class RouteSheetsTests {

	private static final UUID YONGJING = UUID.randomUUID();

	private static final UUID YANGLANG = UUID.randomUUID();

	private static final UUID XIAOZHAI = UUID.randomUUID();

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	/** 07:50 of the 2nd in Shanghai, still the 1st in UTC. */
	private static final Instant PLANNED_AT = Instant.parse("2025-06-01T23:50:00Z");

	private static final Function<UUID, String> ADDRESSES = Map.of(YONGJING, "No. 12 Yongjing Road")::get;

	private final VehicleRoute first = new VehicleRoute(UUID.randomUUID(), "一号车", "贵A VP0101", 1500,
			new BigDecimal("42.50"), 7 * 60 + 30, 12 * 60 + 5, 320,
			List.of(new RunStop(1, YONGJING, "XF-YJ01", "永靖镇服务站", 8 * 60 + 35, 8 * 60 + 50, 120, 200, 240),
					new RunStop(2, YANGLANG, "XF-YL02", "阳郎村服务点", 9 * 60 + 10, 9 * 60 + 25, 300, 120, 420)));

	private final VehicleRoute second = new VehicleRoute(UUID.randomUUID(), "二号车", "贵A VP0202", 800,
			new BigDecimal("18"), 8 * 60, 11 * 60 + 40, 0,
			List.of(new RunStop(1, XIAOZHAI, "XF-XZ03", "小寨坝镇服务站", 10 * 60 + 15, 10 * 60 + 30, 90, 0, 90)));

	private final List<UnplannedLoad> leftOver = List
		.of(new UnplannedLoad(XIAOZHAI, "小寨坝镇服务站", "PICKUP", 2600, "CAPACITY"));

	@Test
	void twoVansAreAtLeastTwoA4PortraitPages() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), List.of()), "息烽县", ADDRESSES));
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			Rectangle size = reader.getPageSizeWithRotation(page);
			assertThat(size.getWidth()).isCloseTo(PageSize.A4.getWidth(), within(0.5f));
			assertThat(size.getHeight()).isCloseTo(PageSize.A4.getHeight(), within(0.5f));
		}
	}

	@Test
	void eachVanStartsOnAPageOfItsOwnWithItsPlateStationCodesAndTimes() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), List.of()), "息烽县", ADDRESSES));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		String first = extractor.getTextFromPage(1);
		String second = extractor.getTextFromPage(2);
		assertThat(first).contains("VP0101", "XF-YJ01", "XF-YL02", "07:30", "12:05", "08:35", "08:50", "09:10", "09:25",
				"1500 kg", "42.5 km", "320 kg", "420");
		assertThat(first).doesNotContain("VP0202", "XF-XZ03", "10:15");
		assertThat(second).contains("VP0202", "XF-XZ03", "10:15", "10:30", "11:40", "18 km")
			.doesNotContain("VP0101", "XF-YJ01");
	}

	@Test
	void theSummaryGivesTheDayThePlanningTimeInShanghaiWhoAndTheTotalDistance() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), List.of()), "息烽县", ADDRESSES));
		String first = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(first).contains("Route sheet", "2025-06-02", "2025-06-02 07:50", "dispatcher-li", "60.5 km", "1.3");
		assertThat(first).doesNotContain("2025-06-01 23:50");
	}

	@Test
	void theStationAddressIsPrintedUnderItsNameOnlyWhenThereIsOne() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), List.of()), "息烽县", ADDRESSES));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		assertThat(extractor.getTextFromPage(1)).contains("No. 12 Yongjing Road");
		assertThat(extractor.getTextFromPage(2)).doesNotContain("null").doesNotContain("Yongjing");
	}

	@Test
	void aLongTourRepeatsTheHeaderRowOnEachPage() throws IOException {
		List<RunStop> stops = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			stops.add(new RunStop(i, YANGLANG, String.format("ST%03d", i), "阳郎村服务点", 8 * 60 + i * 5, 8 * 60 + i * 5 + 3,
					10, 0, 10 * i));
		}
		VehicleRoute longTour = new VehicleRoute(UUID.randomUUID(), "三号车", "VP0303", 3000, BigDecimal.TEN, 8 * 60,
				17 * 60, 0, stops);
		PdfReader reader = new PdfReader(RouteSheets.pdf(run(List.of(longTour), List.of()), "息烽县", ADDRESSES));
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		String last = extractor.getTextFromPage(reader.getNumberOfPages());
		assertThat(last).contains("Station", "Arrive", "Signature", "ST060").doesNotContain("ST001 ");
	}

	@Test
	void anUnplannedLoadIsListedWithItsReasonCode() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), this.leftOver), "息烽县", ADDRESSES));
		String last = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages());
		assertThat(last).contains("Not planned", "CAPACITY", "2600").doesNotContain("VP0202");
	}

	@Test
	void aPlanWithoutLoadsHasNoNotPlannedSection() throws IOException {
		PdfReader reader = new PdfReader(
				RouteSheets.pdf(run(List.of(this.first, this.second), List.of()), "息烽县", ADDRESSES));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			assertThat(extractor.getTextFromPage(page)).doesNotContain("Not planned");
		}
	}

	@Test
	void anEmptyPlanIsOnePageSayingThereIsNothingToCarry() throws IOException {
		PdfReader reader = new PdfReader(RouteSheets.pdf(run(List.of(), List.of()), "息烽县", ADDRESSES));
		assertThat(reader.getNumberOfPages()).isEqualTo(1);
		assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Nothing to carry that day")
			.doesNotContain("Not planned");
	}

	@Test
	void loadsLeftOverOnADayWithoutToursAreStillListed() throws IOException {
		PdfReader reader = new PdfReader(RouteSheets.pdf(run(List.of(), this.leftOver), "息烽县", ADDRESSES));
		assertThat(reader.getNumberOfPages()).isEqualTo(1);
		assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Nothing to carry that day", "Not planned",
				"CAPACITY");
	}

	private static RunView run(List<VehicleRoute> routes, List<UnplannedLoad> unplanned) {
		BigDecimal total = routes.stream().map(VehicleRoute::distanceKm).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new RunView(UUID.randomUUID(), DAY, PLANNED_AT, "dispatcher-li", total, "GREAT_CIRCLE",
				new BigDecimal("1.30"), routes, unplanned);
	}

}
