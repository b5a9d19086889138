package cn.qualityportal.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Files for bench/import.sh: SQL that adds 100 counties under 防城港市, 200 rate indicators, the
 * 2021 annual and quarterly periods and a reporter covering them, and an xlsx of 100,000 figures
 * (200 indicators × 100 counties × 5 periods). Usage: ImportBenchFiles DIRECTORY PASSWORD
 */
public final class ImportBenchFiles {

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		StringBuilder sql = new StringBuilder();
		sql.append("insert into region (code, name, level, parent_code) select '4590' || lpad(g::text, 2, '0'), '测试县' || g, 'COUNTY', '450600' from generate_series(0, 99) g;\n");
		sql.append("insert into indicator (code, name, category, unit, value_type, direction, aggregation, reporting_frequency) select 'BENCH-IMP-' || lpad(g::text, 3, '0'), '导入基准合格率' || g, 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED', 'QUARTERLY' from generate_series(1, 200) g;\n");
		// Figures are taken only where a target asks for them: the city's targets of 2021, owed by its counties.
		sql.append("insert into policy_document (title, issuer, level, region_code, issue_date, status) values ('导入基准方案', '防城港市人民政府', 'CITY', '450600', '2021-01-01', 'IN_FORCE');\n");
		sql.append("insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year) select i.id, '450600', d.id, 'GE', 90, '%', 2021 from indicator i, policy_document d where i.code like 'BENCH-IMP-%' and d.title = '导入基准方案';\n");
		sql.append("insert into reporting_period (year, kind, number) values (2021, 'ANNUAL', 0), (2021, 'QUARTERLY', 1), (2021, 'QUARTERLY', 2), (2021, 'QUARTERLY', 3), (2021, 'QUARTERLY', 4) on conflict do nothing;\n");
		sql.append("insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions) select 'bench-reporter', '基准填报员', '")
			.append(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(args[1]))
			.append("', id, true from department where region_code = '450600' and kind = 'MARKET_REGULATION';\n");
		sql.append("insert into user_account_role (account_id, role) select id, 'REPORTER' from user_account where username = 'bench-reporter';\n");
		Files.writeString(directory.resolve("import-setup.sql"), sql.toString());

		String[] periods = { "", "Q1", "Q2", "Q3", "Q4" };
		try (OutputStream out = new FileOutputStream(directory.resolve("import-100k.xlsx").toFile())) {
			Workbook workbook = new Workbook(out, "bench", "1.0");
			Worksheet sheet = workbook.newWorksheet("values");
			String[] header = { "indicator_code", "region_code", "year", "period", "value", "note" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			int row = 1;
			for (int indicator = 1; indicator <= 200; indicator++) {
				for (int county = 0; county < 100; county++) {
					for (String period : periods) {
						sheet.value(row, 0, "BENCH-IMP-%03d".formatted(indicator));
						sheet.value(row, 1, "4590%02d".formatted(county));
						sheet.value(row, 2, 2021);
						sheet.value(row, 3, period);
						sheet.value(row, 4, 80 + (indicator * 7 + county * 3 + period.length()) % 20);
						sheet.value(row, 5, "基准");
						row++;
					}
				}
				if (indicator % 20 == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
	}

}
