package cn.qualityportal.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation-wide setting of how many levels review a figure (逐级审核): one (the region's
 * reviewer approves, and the figure is final) or two (the office of the level above then accepts
 * it, 验收), from a year on. Kept in {@code review_setting}, changed only by the office that owns the
 * installation-wide settings (method security on the page), audited. What is final under it is
 * the view {@code value_standing} (V65), which reads the same row.
 */
@Service
public class ReviewLevels {

	static final String ENTITY = "review_setting";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ReviewLevels(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** @param twoLevelFromYear the first year reviewed in two levels; null: one level */
	public record Setting(Integer twoLevelFromYear, long version) {

		public boolean twoLevel() {
			return twoLevelFromYear != null;
		}

		/** Whether a figure of this year is reviewed in two levels. */
		boolean twoLevelFor(int year) {
			return twoLevelFromYear != null && year >= twoLevelFromYear;
		}

	}

	@Transactional(readOnly = true)
	public Setting current() {
		return jdbc.sql("select two_level_from_year, version from review_setting")
			.query((rs, row) -> new Setting((Integer) rs.getObject(1), rs.getLong(2)))
			.single();
	}

	/**
	 * How many figures are final now (approved, of a year reviewed in one level) and would be in review
	 * again, waiting for acceptance, were two-level review on from this year: what switching it on
	 * takes out of the counts until the level above accepts them.
	 */
	@Transactional(readOnly = true)
	public long approvedNoLongerFinal(int fromYear) {
		return jdbc.sql("""
				select count(*) from value_standing
				where status = 'APPROVED' and is_final and year >= :year""")
			.param("year", fromYear)
			.query(Long.class)
			.single();
	}

	/**
	 * How many figures wait for acceptance now (approved, of a year reviewed in two levels) and would
	 * be final at once, never accepted, were two-level review off ({@code null}) or on only from a
	 * later year: what such a change adds to the counts without the level above having looked.
	 */
	@Transactional(readOnly = true)
	public long waitingThatWouldCountAtOnce(Integer fromYear) {
		return jdbc.sql("""
				select count(*) from value_standing
				where status = 'APPROVED' and in_review and (cast(:year as integer) is null or year < cast(:year as integer))""")
			.param("year", fromYear, java.sql.Types.INTEGER)
			.query(Long.class)
			.single();
	}

	/** Switches two-level review on from a year, or off (null); the version the office saw, or a conflict. */
	@Transactional
	public Setting change(Integer twoLevelFromYear, long version, String actor) {
		if (twoLevelFromYear != null && (twoLevelFromYear < 1949 || twoLevelFromYear > 2100)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "reporting.reviewLevels.badYear");
		}
		Setting before = current();
		if (before.version() != version) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.reviewConflict");
		}
		if (java.util.Objects.equals(before.twoLevelFromYear(), twoLevelFromYear)) {
			return before;
		}
		jdbc.sql("""
				update review_setting set two_level_from_year = :year, version = version + 1, updated_by = :actor,
				       updated_at = now()""")
			.param("year", twoLevelFromYear)
			.param("actor", actor)
			.update();
		Setting after = current();
		audit.record(actor, ENTITY, null, "UPDATE", state(before), state(after), null);
		return after;
	}

	private static Map<String, Object> state(Setting setting) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("twoLevelFromYear", setting.twoLevelFromYear());
		state.put("version", setting.version());
		return state;
	}

}
