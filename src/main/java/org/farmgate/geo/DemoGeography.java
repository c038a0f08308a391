package org.farmgate.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the demo county's townships (the ten real ones of 息烽县) and a few villages
 * in each, among them 立碑村 in 永靖镇. The village names beyond 立碑村, their households,
 * populations and coordinates are illustrative, not official figures. Loaded through the
 * same CSV import operators use.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoGeography implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoGeography.class);

	private final CountyGeographyManagement geography;

	private final boolean demo;

	private final String countyCode;

	DemoGeography(CountyGeographyManagement geography, @Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String countyCode) {
		this.geography = geography;
		this.demo = demo;
		this.countyCode = countyCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo || !this.geography.townships(this.countyCode).isEmpty()) {
			return;
		}
		try (InputStream in = DemoGeography.class.getResourceAsStream("/demo/xifeng-villages.csv")) {
			VillageImport.Preview preview = this.geography.previewImport(this.countyCode, "xifeng-villages.csv",
					in.readAllBytes());
			int saved = this.geography.importVillages(preview);
			logger.info("Demo mode: loaded {} villages of county {}", saved, this.countyCode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
