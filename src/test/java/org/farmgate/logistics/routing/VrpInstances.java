package org.farmgate.logistics.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the academic routing instances into {@link Problem}s with Euclidean travel
 * (unrounded, time = distance): Solomon VRPTW files (a header with {@code CUST NO.};
 * every customer a delivery from the depot) and Li &amp; Lim PDPTW files (a first line of
 * three numbers; one shipment per pickup and its delivery). The format is told from the
 * content.
 */
final class VrpInstances {

	private VrpInstances() {
	}

	/**
	 * An instance: its name (the file name without extension), the problem, the fleet.
	 */
	record Instance(String name, Format format, Problem problem, int vehicles, int capacity) {
	}

	/** The two file formats. */
	enum Format {

		SOLOMON, LI_LIM

	}

	static Instance read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		boolean solomon = lines.stream().anyMatch((line) -> line.contains("CUST NO."));
		return solomon ? solomon(name, lines) : liLim(name, lines);
	}

	private static Instance solomon(String name, List<String> lines) {
		int vehicles = -1;
		int capacity = -1;
		List<double[]> customers = new ArrayList<>();
		boolean inVehicles = false;
		boolean inCustomers = false;
		for (String line : lines) {
			String text = line.trim();
			if (text.startsWith("NUMBER")) {
				inVehicles = true;
				continue;
			}
			if (text.startsWith("CUST NO.")) {
				inCustomers = true;
				continue;
			}
			double[] numbers = numbers(text);
			if (numbers.length == 0) {
				continue;
			}
			if (inVehicles && vehicles < 0) {
				vehicles = (int) numbers[0];
				capacity = (int) numbers[1];
				inVehicles = false;
			}
			else if (inCustomers) {
				if (numbers.length != 7) {
					throw new IllegalArgumentException("not a Solomon customer line: " + text);
				}
				customers.add(numbers);
			}
		}
		if (vehicles < 0 || customers.isEmpty() || customers.get(0)[0] != 0) {
			throw new IllegalArgumentException("not a Solomon instance: " + name);
		}
		double[] depotLine = customers.get(0);
		Site depot = new Site("0", depotLine[1], depotLine[2]);
		List<Vehicle> fleet = fleet(vehicles, depot, capacity, depotLine[4], depotLine[5]);
		List<Task> tasks = new ArrayList<>();
		for (double[] customer : customers.subList(1, customers.size())) {
			String id = String.valueOf((int) customer[0]);
			tasks.add(Task.delivery(id, new Site(id, customer[1], customer[2]), (int) customer[3], customer[6],
					new Window(customer[4], customer[5])));
		}
		return new Instance(name, Format.SOLOMON, new Problem(fleet, tasks, Travel.euclidean()), vehicles, capacity);
	}

	private static Instance liLim(String name, List<String> lines) {
		double[] first = numbers(lines.get(0).trim());
		if (first.length != 3) {
			throw new IllegalArgumentException("not a Li & Lim instance: " + name);
		}
		int vehicles = (int) first[0];
		int capacity = (int) first[1];
		double speed = first[2];
		Map<Integer, double[]> rows = new HashMap<>();
		List<Integer> order = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			double[] numbers = numbers(line.trim());
			if (numbers.length == 0) {
				continue;
			}
			if (numbers.length != 9) {
				throw new IllegalArgumentException("not a Li & Lim task line: " + line);
			}
			rows.put((int) numbers[0], numbers);
			order.add((int) numbers[0]);
		}
		double[] depotRow = rows.get(0);
		Site depot = new Site("0", depotRow[1], depotRow[2]);
		List<Vehicle> fleet = fleet(vehicles, depot, capacity, depotRow[4], depotRow[5]);
		List<Task> tasks = new ArrayList<>();
		for (int id : order) {
			double[] pickup = rows.get(id);
			if (id == 0 || pickup[3] <= 0) {
				continue;
			}
			int deliveryId = (int) pickup[8];
			double[] delivery = rows.get(deliveryId);
			if (delivery == null || (int) delivery[7] != id || delivery[3] != -pickup[3]) {
				throw new IllegalArgumentException("pickup " + id + " names no matching delivery in " + name);
			}
			tasks.add(Task.shipment(id + "-" + deliveryId, new Site(String.valueOf(id), pickup[1], pickup[2]),
					new Site(String.valueOf(deliveryId), delivery[1], delivery[2]), (int) pickup[3], pickup[6],
					delivery[6], new Window(pickup[4], pickup[5]), new Window(delivery[4], delivery[5])));
		}
		Travel travel = (speed == 1) ? Travel.euclidean() : Travel.scaled(Travel.euclidean(), 1, speed);
		return new Instance(name, Format.LI_LIM, new Problem(fleet, tasks, travel), vehicles, capacity);
	}

	private static List<Vehicle> fleet(int count, Site depot, int capacity, double open, double close) {
		List<Vehicle> fleet = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			fleet.add(new Vehicle("vehicle-" + i, depot, capacity, open, close));
		}
		return fleet;
	}

	private static double[] numbers(String text) {
		if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
			return new double[0];
		}
		String[] parts = text.split("\\s+");
		double[] numbers = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			numbers[i] = Double.parseDouble(parts[i]);
		}
		return numbers;
	}

	/**
	 * The best-known cost of an instance from a {@code best-known.json} next to it (in
	 * its folder or the folder above), if there is one.
	 */
	static Optional<Double> bestKnownCost(Path instanceFile, String name) {
		Path folder = instanceFile.toAbsolutePath().getParent();
		for (Path candidate : List.of(folder.resolve("best-known.json"),
				folder.getParent().resolve("best-known.json"))) {
			if (Files.isRegularFile(candidate)) {
				return bestKnownCostIn(candidate, name);
			}
		}
		return Optional.empty();
	}

	/** The best-known cost of an instance in a {@code best-known.json}. */
	static Optional<Double> bestKnownCostIn(Path bestKnownJson, String name) {
		try {
			String json = Files.readString(bestKnownJson);
			Matcher matcher = Pattern
				.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\\{[^}]*\"best_known_cost\"\\s*:\\s*([0-9.]+)")
				.matcher(json);
			return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
