package org.farmgate.logistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rates of the carriers, by province, and what a parcel would cost with each.
 * <p>
 * A parcel is charged for the greater of its actual weight and, when its three dimensions
 * are known, its volumetric weight (length × width × height in cm / 6000, in kg). The
 * first weight costs the first price; every started step beyond it costs the step price.
 * A province's own rate wins over the carrier's {@code *} rate.
 */
public final class RateTable {

	/**
	 * The divisor of cm³ that gives volumetric kilograms, as Chinese express carriers
	 * use.
	 */
	public static final int VOLUMETRIC_DIVISOR = 6000;

	private final List<Rate> rates;

	private final Map<Carrier, Map<String, Rate>> byCarrier = new EnumMap<>(Carrier.class);

	/**
	 * A table of the rates.
	 * @throws IllegalArgumentException when two rates have the same carrier and province
	 */
	public RateTable(List<Rate> rates) {
		this.rates = List.copyOf(rates);
		for (Rate rate : this.rates) {
			Rate earlier = this.byCarrier.computeIfAbsent(rate.carrier(), (carrier) -> new HashMap<>())
				.putIfAbsent(rate.provinceCode(), rate);
			if (earlier != null) {
				throw new IllegalArgumentException(
						"two rates of " + rate.carrier() + " for province " + rate.provinceCode());
			}
		}
	}

	/** The rates, in the order given. */
	public List<Rate> rates() {
		return this.rates;
	}

	/**
	 * The rate of the carrier for the province: the province's own, else the carrier's
	 * {@code *} rate.
	 */
	public Optional<Rate> rate(Carrier carrier, String provinceCode) {
		Map<String, Rate> rates = this.byCarrier.get(carrier);
		if (rates == null) {
			return Optional.empty();
		}
		Rate own = (provinceCode != null) ? rates.get(provinceCode) : null;
		return Optional.ofNullable((own != null) ? own : rates.get(Rate.EVERY_OTHER_PROVINCE));
	}

	/**
	 * What the parcel would cost with the carrier; empty when the carrier has no rate for
	 * the province and no {@code *} rate.
	 * @param weightGrams the actual weight (0 or more)
	 * @param lengthCm the length, or null when not measured (as the other two dimensions)
	 */
	public Optional<CostEstimate> estimate(Carrier carrier, String destinationProvinceCode, int weightGrams,
			Integer lengthCm, Integer widthCm, Integer heightCm) {
		if (weightGrams < 0) {
			throw new IllegalArgumentException("negative weight: " + weightGrams);
		}
		return rate(carrier, destinationProvinceCode).map((rate) -> {
			long volumetricGrams = volumetricGrams(lengthCm, widthCm, heightCm);
			boolean volumetric = volumetricGrams > weightGrams;
			long chargeable = volumetric ? volumetricGrams : weightGrams;
			long fen = rate.firstFen();
			if (chargeable > rate.firstWeightGrams()) {
				long beyond = chargeable - rate.firstWeightGrams();
				long steps = (beyond + rate.stepGrams() - 1) / rate.stepGrams();
				fen += steps * rate.stepFen();
			}
			return new CostEstimate(carrier, fen, (int) Math.min(chargeable, Integer.MAX_VALUE), volumetric);
		});
	}

	/**
	 * What the parcel would cost with every carrier that has a rate for the province,
	 * cheapest first (then in the carriers' order).
	 */
	public List<CostEstimate> cheapest(String destinationProvinceCode, int weightGrams, Integer lengthCm,
			Integer widthCm, Integer heightCm) {
		List<CostEstimate> estimates = new ArrayList<>();
		for (Carrier carrier : Carrier.values()) {
			estimate(carrier, destinationProvinceCode, weightGrams, lengthCm, widthCm, heightCm)
				.ifPresent(estimates::add);
		}
		estimates.sort(Comparator.comparingLong(CostEstimate::fen).thenComparing(CostEstimate::carrier));
		return List.copyOf(estimates);
	}

	/**
	 * The volumetric weight in grams (rounded up), or 0 unless all three dimensions are
	 * given and positive.
	 */
	static long volumetricGrams(Integer lengthCm, Integer widthCm, Integer heightCm) {
		if (lengthCm == null || widthCm == null || heightCm == null || lengthCm <= 0 || widthCm <= 0 || heightCm <= 0) {
			return 0;
		}
		long cubicCm = (long) lengthCm * widthCm * heightCm;
		// cm³ / 6000 kg = cm³ × 1000 / 6000 g = cm³ / 6 g
		long gramsDivisor = VOLUMETRIC_DIVISOR / 1000;
		return (cubicCm + gramsDivisor - 1) / gramsDivisor;
	}

	/**
	 * Plausible rates of all nine carriers for a seller in Guizhou, to start from:
	 * cheapest within Guizhou (520000), more to the neighbouring provinces (Chongqing,
	 * Sichuan, Yunnan, Guangxi, Hunan), most to the remote ones (Inner Mongolia, Tibet,
	 * Xinjiang), and a {@code *} rate for the rest. Prices in fen for the first kilogram
	 * (3 kg for Deppon's heavy-parcel service) and every further kilogram.
	 */
	public static RateTable demo() {
		List<Rate> rates = new ArrayList<>();
		// carrier, first grams, then per tier (local, neighbour, other, remote): first
		// fen,
		// step fen
		demo(rates, Carrier.SF, 1000, 1000, 200, 1300, 400, 1600, 600, 2300, 1500);
		demo(rates, Carrier.ZTO, 1000, 300, 100, 450, 200, 550, 350, 1200, 1000);
		demo(rates, Carrier.YTO, 1000, 300, 100, 450, 200, 550, 350, 1200, 1000);
		demo(rates, Carrier.STO, 1000, 280, 100, 430, 200, 530, 350, 1200, 1000);
		demo(rates, Carrier.YUNDA, 1000, 290, 100, 440, 200, 540, 350, 1200, 1000);
		demo(rates, Carrier.EMS, 1000, 600, 200, 800, 300, 1000, 500, 1200, 600);
		demo(rates, Carrier.JD, 1000, 900, 200, 1200, 400, 1500, 500, 2200, 1300);
		demo(rates, Carrier.JT, 1000, 270, 100, 420, 200, 520, 350, 1300, 1000);
		demo(rates, Carrier.DEPPON, 3000, 1200, 150, 1800, 250, 2400, 350, 3500, 800);
		return new RateTable(rates);
	}

	private static final List<String> GUIZHOU = List.of("520000");

	private static final List<String> NEIGHBOURS = List.of("500000", "510000", "530000", "450000", "430000");

	private static final List<String> REMOTE = List.of("150000", "540000", "650000");

	private static void demo(List<Rate> rates, Carrier carrier, int firstGrams, long... fen) {
		for (String province : GUIZHOU) {
			rates.add(new Rate(carrier, province, firstGrams, fen[0], 1000, fen[1]));
		}
		for (String province : NEIGHBOURS) {
			rates.add(new Rate(carrier, province, firstGrams, fen[2], 1000, fen[3]));
		}
		rates.add(new Rate(carrier, Rate.EVERY_OTHER_PROVINCE, firstGrams, fen[4], 1000, fen[5]));
		for (String province : REMOTE) {
			rates.add(new Rate(carrier, province, firstGrams, fen[6], 1000, fen[7]));
		}
	}

}
