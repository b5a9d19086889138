package cn.qualityportal.reporting;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A period the office opened for reporting (2020 annual, 2021 Q3 …), open or closed. */
@Entity
class ReportingPeriod {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int year;

	@Enumerated(EnumType.STRING)
	private PeriodKind kind;

	private int number;

	private LocalDate dueOn;

	private String status = "OPEN";

	@Version
	@Column(nullable = false)
	private long version;

	protected ReportingPeriod() {
	}

	ReportingPeriod(int year, PeriodKind kind, int number, LocalDate dueOn) {
		this.year = year;
		this.kind = kind;
		this.number = number;
		this.dueOn = dueOn;
	}

	boolean isOpen() {
		return "OPEN".equals(status);
	}

	void close() {
		this.status = "CLOSED";
	}

	void reopen() {
		this.status = "OPEN";
	}

	public Long getId() {
		return id;
	}

	public int getYear() {
		return year;
	}

	public PeriodKind getKind() {
		return kind;
	}

	public int getNumber() {
		return number;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public String getStatus() {
		return status;
	}

	public long getVersion() {
		return version;
	}

}
