package cn.qualityportal.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A policy document with its metadata and text; its original file is stored beside it (DocumentFiles). */
@Entity
@Table(name = "policy_document")
class PolicyDocument {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String issuer;

	private String docNumber;

	@Enumerated(EnumType.STRING)
	private DocumentLevel level;

	private String regionCode;

	private LocalDate issueDate;

	private LocalDate effectiveFrom;

	private LocalDate effectiveTo;

	@Enumerated(EnumType.STRING)
	private DocumentStatus status;

	private LocalDate repealedOn;

	private Long supersededById;

	private String fullText;

	@ElementCollection
	@CollectionTable(name = "policy_document_parent", joinColumns = @JoinColumn(name = "document_id"))
	private Set<ParentLink> parents = new LinkedHashSet<>();

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	@Version
	@Column(nullable = false)
	private long version;

	protected PolicyDocument() {
	}

	PolicyDocument(String regionCode) {
		this.regionCode = regionCode;
	}

	void update(DocumentForm form, String normalisedNumber) {
		this.title = form.title().strip();
		this.issuer = form.issuer().strip();
		this.docNumber = normalisedNumber;
		this.level = form.level();
		this.regionCode = form.regionCode();
		this.issueDate = form.issueDate();
		this.effectiveFrom = form.effectiveFrom();
		this.effectiveTo = form.effectiveTo();
		this.status = form.status();
		this.repealedOn = form.status() == DocumentStatus.REPEALED ? form.repealedOn() : null;
		this.supersededById = form.status() == DocumentStatus.REPEALED ? form.supersededById() : null;
		this.fullText = form.fullText() == null || form.fullText().isBlank() ? null : form.fullText();
		this.updatedAt = Instant.now();
	}

	void setFullText(String fullText) {
		this.fullText = fullText;
		this.updatedAt = Instant.now();
	}

	boolean addParent(long parentId, LineageRelation relation) {
		parents.removeIf(link -> link.parentId() == parentId);
		return parents.add(new ParentLink(parentId, relation));
	}

	boolean removeParent(long parentId) {
		return parents.removeIf(link -> link.parentId() == parentId);
	}

	/** What the audit trail keeps of a document before and after a change (not its text). */
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("issuer", issuer);
		state.put("docNumber", docNumber);
		state.put("level", level);
		state.put("regionCode", regionCode);
		state.put("issueDate", issueDate);
		state.put("effectiveFrom", effectiveFrom);
		state.put("effectiveTo", effectiveTo);
		state.put("status", status);
		state.put("repealedOn", repealedOn);
		state.put("supersededById", supersededById);
		return state;
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getIssuer() {
		return issuer;
	}

	public String getDocNumber() {
		return docNumber;
	}

	public DocumentLevel getLevel() {
		return level;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public LocalDate getIssueDate() {
		return issueDate;
	}

	public LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	public LocalDate getEffectiveTo() {
		return effectiveTo;
	}

	public DocumentStatus getStatus() {
		return status;
	}

	public LocalDate getRepealedOn() {
		return repealedOn;
	}

	public Long getSupersededById() {
		return supersededById;
	}

	public String getFullText() {
		return fullText;
	}

	public Set<ParentLink> getParents() {
		return parents;
	}

	public long getVersion() {
		return version;
	}

}
