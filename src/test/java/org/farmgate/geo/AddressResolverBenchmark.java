package org.farmgate.geo;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Addresses resolved per second on one thread, over {@value #COUNT} generated addresses
 * (see {@link AddressSamples}). Run by {@code ./bench.sh geo}, which prints the line
 * starting {@code RESULT}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xmx1g" })
@Threads(1)
public class AddressResolverBenchmark {

	static final int COUNT = 10_000;

	private AddressResolver resolver;

	private List<String> addresses;

	@Setup
	public void load() {
		Divisions divisions = Divisions.load();
		this.resolver = new AddressResolver(divisions);
		this.addresses = AddressSamples.generate(divisions, COUNT, 2026);
	}

	@Benchmark
	@OperationsPerInvocation(COUNT)
	public void resolveTheMix(Blackhole blackhole) {
		for (String address : this.addresses) {
			blackhole.consume(this.resolver.resolve(address));
		}
	}

	/**
	 * The baseline in the same run: only turning each address into matchable text (a pass
	 * over its characters), no lookup.
	 */
	@Benchmark
	@OperationsPerInvocation(COUNT)
	public void baselineNormalizeOnly(Blackhole blackhole) {
		for (String address : this.addresses) {
			blackhole.consume(AddressText.normalize(address));
		}
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		Divisions divisions = Divisions.load();
		AddressResolver resolver = new AddressResolver(divisions);
		long loadMillis = (System.nanoTime() - started) / 1_000_000;
		List<String> addresses = AddressSamples.generate(divisions, COUNT, 2026);
		Map<ResolutionStatus, Integer> shares = new EnumMap<>(ResolutionStatus.class);
		for (String address : addresses) {
			shares.merge(resolver.resolve(address).status(), 1, Integer::sum);
		}

		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(AddressResolverBenchmark.class.getSimpleName()).build())
			.run();
		RunResult result = byName(results, "resolveTheMix");
		double perSecond = result.getPrimaryResult().getScore();
		double error = result.getPrimaryResult().getScoreError();
		double baseline = byName(results, "baselineNormalizeOnly").getPrimaryResult().getScore();

		StringBuilder line = new StringBuilder("RESULT addressesPerSecond=").append(Math.round(perSecond))
			.append(" error=±")
			.append(Math.round(error))
			.append(" baselineNormalizePerSecond=")
			.append(Math.round(baseline))
			.append(String.format(" resolveCostVsBaseline=%.1fx", baseline / perSecond))
			.append(" threads=1 addresses=")
			.append(COUNT)
			.append(" dictionaryLoadMillis=")
			.append(loadMillis)
			.append(" tableVersion=")
			.append(divisions.tableVersion());
		for (ResolutionStatus status : ResolutionStatus.values()) {
			line.append(' ')
				.append(status)
				.append('=')
				.append(String.format("%.1f%%", 100.0 * shares.getOrDefault(status, 0) / COUNT));
		}
		System.out.println(line);
	}

	private static RunResult byName(Collection<RunResult> results, String method) {
		return results.stream()
			.filter(result -> result.getParams().getBenchmark().endsWith("." + method))
			.findFirst()
			.orElseThrow();
	}

}
