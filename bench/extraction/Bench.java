import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import cn.qualityportal.extraction.TargetExtractor;

/**
 * Times TargetExtractor.extract on a 20,000-character document made of the texts given (folders or
 * files, joined and repeated), after a warm-up. Prints the median and 90th percentile of wall and
 * CPU time per document, and the number of targets found. Run by bench/extraction.sh.
 */
public class Bench {

	public static void main(String[] args) throws Exception {
		StringBuilder texts = new StringBuilder();
		for (String arg : args) {
			Path path = Path.of(arg);
			try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
					texts.append(Files.readString(file)).append('\n');
				}
			}
		}
		StringBuilder document = new StringBuilder();
		while (document.length() < 20_000) {
			document.append(texts);
		}
		String text = document.substring(0, 20_000);
		TargetExtractor extractor = new TargetExtractor();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int found = 0;
		for (int i = 0; i < 200; i++) {
			found = extractor.extract(text).targets().size();
		}
		int runs = 101;
		long[] wall = new long[runs];
		long[] cpu = new long[runs];
		for (int i = 0; i < runs; i++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			extractor.extract(text);
			wall[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
		}
		Arrays.sort(wall);
		Arrays.sort(cpu);
		System.out.printf("document: %,d characters, %d targets found%n", text.length(), found);
		System.out.printf("wall: median %.1f ms, p90 %.1f ms; cpu: median %.1f ms, p90 %.1f ms (%d runs after 200 warm-up)%n",
				wall[runs / 2] / 1e6, wall[runs * 9 / 10] / 1e6, cpu[runs / 2] / 1e6, cpu[runs * 9 / 10] / 1e6, runs);
	}

}
