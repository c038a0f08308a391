package org.farmgate.statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The 34 province-level units as a tile grid (one square each, roughly where they lie;
 * geo/province-tile-grid.tsv), coloured by sales: a map of buyer reach without map
 * geometry.
 */
@Component
public class ProvinceGrid {

	private final List<Place> places;

	ProvinceGrid() {
		this.places = load();
	}

	/**
	 * The tiles with each province's orders and net sales, and a shade from 0 (no orders)
	 * to 5 (the best province).
	 */
	public List<Tile> tiles(List<StatisticsQueries.Destination> destinations) {
		Map<String, long[]> orders = new HashMap<>();
		Map<String, BigDecimal> net = new HashMap<>();
		for (StatisticsQueries.Destination destination : destinations) {
			if (!destination.province().isEmpty()) {
				orders.computeIfAbsent(destination.province(), key -> new long[1])[0] += destination.orders();
				net.merge(destination.province(), destination.net(), BigDecimal::add);
			}
		}
		BigDecimal best = net.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		List<Tile> tiles = new ArrayList<>();
		for (Place place : this.places) {
			long count = orders.getOrDefault(place.code(), new long[1])[0];
			BigDecimal sales = net.getOrDefault(place.code(), BigDecimal.ZERO);
			int shade = 0;
			if (count > 0) {
				// square root so that a few big provinces do not wash out the rest
				double share = (best.signum() > 0) ? Math.sqrt(Math.max(0, sales.doubleValue()) / best.doubleValue())
						: 0;
				shade = 1 + (int) Math.min(4, Math.floor(share * 4.999));
			}
			tiles.add(new Tile(place.code(), place.name(), place.row(), place.column(), count, sales, shade,
					StatisticsQueries.HONG_KONG_MACAO_TAIWAN.contains(place.code())));
		}
		return tiles;
	}

	private static List<Place> load() {
		List<Place> places = new ArrayList<>();
		try (InputStream in = ProvinceGrid.class.getClassLoader().getResourceAsStream("geo/province-tile-grid.tsv")) {
			if (in == null) {
				throw new IllegalStateException("geo/province-tile-grid.tsv is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line = reader.readLine();
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split("\t");
				if (cells.length >= 4) {
					places.add(new Place(cells[0].strip(), cells[1].strip(), Integer.parseInt(cells[2].strip()),
							Integer.parseInt(cells[3].strip())));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(places);
	}

	private record Place(String code, String name, int row, int column) {
	}

	/** A province's square: where it lies on the 8 × 8 grid, and its figures. */
	public record Tile(String code, String name, int row, int column, long orders, BigDecimal net, int shade,
			boolean apart) {

		/** The CSS grid position (1-based). */
		public String style() {
			return "grid-row:" + (this.row + 1) + ";grid-column:" + (this.column + 1);
		}

	}

}
