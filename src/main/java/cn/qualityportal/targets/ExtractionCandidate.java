package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.time.Instant;

import cn.qualityportal.extraction.Extraction.ProposedTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One proposal of the extractor for a document, and what the office decided about it. */
@Entity
class ExtractionCandidate {

	enum Status {

		PROPOSED, ACCEPTED, REJECTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private String indicator;

	private String comparator;

	private BigDecimal value;

	private BigDecimal valueMax;

	private String unit;

	private Integer year;

	private boolean increment;

	private String quote;

	private int quoteStart;

	private int quoteEnd;

	@Enumerated(EnumType.STRING)
	private Status status = Status.PROPOSED;

	private Long targetId;

	private String decidedBy;

	private Instant decidedAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected ExtractionCandidate() {
	}

	ExtractionCandidate(long documentId, ProposedTarget proposal) {
		this.documentId = documentId;
		this.indicator = proposal.indicator().length() > 200 ? proposal.indicator().substring(0, 200) : proposal.indicator();
		this.comparator = proposal.comparator();
		this.value = proposal.value();
		this.valueMax = proposal.valueMax();
		this.unit = proposal.unit();
		this.year = proposal.year();
		this.increment = proposal.increment();
		this.quote = proposal.quote();
		this.quoteStart = proposal.start();
		this.quoteEnd = proposal.end();
	}

	/** The same quote and value were proposed before: proposed again it would be noise. */
	boolean sameAs(ProposedTarget proposal) {
		return quote.equals(proposal.quote()) && value.compareTo(proposal.value()) == 0;
	}

	void accept(long targetId, String by) {
		this.status = Status.ACCEPTED;
		this.targetId = targetId;
		decided(by);
	}

	void reject(String by) {
		this.status = Status.REJECTED;
		decided(by);
	}

	private void decided(String by) {
		this.decidedBy = by;
		this.decidedAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getDocumentId() {
		return documentId;
	}

	public String getIndicator() {
		return indicator;
	}

	public String getComparator() {
		return comparator;
	}

	public BigDecimal getValue() {
		return value;
	}

	public BigDecimal getValueMax() {
		return valueMax;
	}

	public String getUnit() {
		return unit;
	}

	public Integer getYear() {
		return year;
	}

	public boolean isIncrement() {
		return increment;
	}

	public String getQuote() {
		return quote;
	}

	public int getQuoteStart() {
		return quoteStart;
	}

	public int getQuoteEnd() {
		return quoteEnd;
	}

	public Status getStatus() {
		return status;
	}

	/** The comparison as every page shows it (≥ 95%, 2–3 家), not the extractor's ">=". */
	public String condition() {
		return TargetRow.condition(Comparator.of(comparator), value, valueMax, unit == null ? "" : unit);
	}

	public Long getTargetId() {
		return targetId;
	}

	public long getVersion() {
		return version;
	}

}
