package org.farmgate.logistics;

import java.util.List;
import java.util.Optional;

import org.farmgate.accounts.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carriers' rate tables of each county (first weight and each further step, by
 * destination province): shown to everyone who ships, updated by operators from a CSV
 * file (each good row sets its carrier's rate for its province; each bad row is reported
 * with its line and reason).
 */
@Service
public class RateManagement {

	private final JdbcClient jdbc;

	RateManagement(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Rate> rates(SignedInUser user) {
		LogisticsScope.requireReader(user);
		return rates(user.scope().countyCode());
	}

	List<Rate> rates(String county) {
		return this.jdbc.sql("""
				SELECT carrier, province_code, first_grams, first_fen, step_grams, step_fen
				  FROM logistics_rate WHERE county_code = ? ORDER BY carrier, province_code
				""")
			.param(county)
			.query((rs, row) -> new Rate(Carrier.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getLong(4),
					rs.getInt(5), rs.getLong(6)))
			.list();
	}

	RateTable table(String county) {
		return new RateTable(rates(county));
	}

	/** The cost of a parcel by the county's rates, when a rate applies. */
	Optional<CostEstimate> estimate(String county, Carrier carrier, String provinceCode, int grams, Integer lengthCm,
			Integer widthCm, Integer heightCm) {
		if (provinceCode == null) {
			return Optional.empty();
		}
		return table(county).estimate(carrier, provinceCode, grams, lengthCm, widthCm, heightCm);
	}

	/**
	 * The cheapest carrier's cost of a parcel from the county to a province (the
	 * storefront's shipping fee); empty when no rate applies.
	 */
	@Transactional(readOnly = true)
	public Optional<CostEstimate> cheapest(String county, String provinceCode, int grams) {
		if (provinceCode == null || grams < 1) {
			return Optional.empty();
		}
		return table(county).cheapest(provinceCode, grams, null, null, null).stream().findFirst();
	}

	/**
	 * Sets the rates of the file's good rows (a carrier's rate for a province replaces
	 * the one it had); answers the bad rows with their lines and reasons.
	 */
	@Transactional
	public Upload upload(SignedInUser user, byte[] csv) {
		LogisticsScope.requireNetworkManager(user);
		RateTableCsv.Result parsed = RateTableCsv.parse(csv);
		if (parsed.rates().isEmpty() && parsed.problems().isEmpty()) {
			throw LogisticsException.because("logistics.rates.empty");
		}
		put(user.scope().countyCode(), parsed.rates());
		return new Upload(parsed.rates().size(), parsed.problems());
	}

	void put(String county, List<Rate> rates) {
		for (Rate rate : rates) {
			this.jdbc
				.sql("""
						INSERT INTO logistics_rate (county_code, carrier, province_code, first_grams, first_fen, step_grams, step_fen)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (county_code, carrier, province_code) DO UPDATE
						   SET first_grams = EXCLUDED.first_grams, first_fen = EXCLUDED.first_fen,
						       step_grams = EXCLUDED.step_grams, step_fen = EXCLUDED.step_fen
						""")
				.params(county, rate.carrier().name(), rate.provinceCode(), rate.firstWeightGrams(), rate.firstFen(),
						rate.stepGrams(), rate.stepFen())
				.update();
		}
	}

	/** What an upload did: rates set, rows refused. */
	public record Upload(int rates, List<RateTableCsv.RowProblem> problems) {
	}

}
