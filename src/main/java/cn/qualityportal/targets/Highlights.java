package cn.qualityportal.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * The document text cut into runs, each either plain or inside one candidate's quote, so the page
 * can mark every proposal where it stands. Overlapping quotes (A、B均达到…) mark each character
 * for the candidate that starts first.
 */
final class Highlights {

	private Highlights() {
	}

	record Segment(String text, Long candidateId, ExtractionCandidate.Status status, boolean first) {
	}

	static List<Segment> of(String text, List<ExtractionCandidate> candidates) {
		int length = text.length();
		ExtractionCandidate[] owner = new ExtractionCandidate[length];
		for (ExtractionCandidate candidate : candidates) {
			for (int i = Math.max(0, candidate.getQuoteStart()); i < Math.min(length, candidate.getQuoteEnd()); i++) {
				if (owner[i] == null) {
					owner[i] = candidate;
				}
			}
		}
		List<Segment> segments = new ArrayList<>();
		java.util.Set<Long> started = new java.util.HashSet<>();
		int start = 0;
		for (int i = 1; i <= length; i++) {
			if (i == length || owner[i] != owner[start]) {
				ExtractionCandidate candidate = owner[start];
				segments.add(new Segment(text.substring(start, i), candidate == null ? null : candidate.getId(),
						candidate == null ? null : candidate.getStatus(),
						candidate != null && started.add(candidate.getId())));
				start = i;
			}
		}
		return segments;
	}

	/** The quote with up to 80 characters either side: {before, quote, after}. */
	static String[] context(String text, int start, int end) {
		int from = Math.max(0, start - 80);
		int to = Math.min(text.length(), end + 80);
		return new String[] { text.substring(from, Math.min(start, text.length())),
				text.substring(Math.min(start, text.length()), Math.min(end, text.length())), text.substring(Math.min(end, text.length()), to) };
	}

}
