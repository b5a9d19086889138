package cn.qualityportal.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every HTTP endpoint the application maps, for every role and for a user of another district:
 * allowed or denied as the table below says, and a denied request changes nothing. An endpoint
 * missing from the table fails the test, so a new endpoint cannot ship without a decision on
 * who may use it.
 *
 * <p>Actors: anonymous; the three administrators (no unit); the city's office and leader (the
 * city and below); a reviewer and a reporter of district A (港口区 450602); a reporter of district B
 * (防城区 450603). Sample paths name district A's records, so for rows marked "scoped" district
 * B's reporter must be refused even where its role is allowed.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

	private static final String ANY = "ANY";

	private static final String PUBLIC = "PUBLIC";

	/** Roles of the district users and the city's office and leader, as the demo gives them. */
	private static final String DATA = "ADMIN OFFICE LEADER REVIEWER REPORTER";

	/** A figure's history and evidence: the data roles without the system administrator (三员分立). */
	private static final String FIGURES = "OFFICE LEADER REVIEWER REPORTER";

	/** An office of 东兴市 (450681): rows flagged "citywide" are the city office's alone. */
	private static final String DISTRICT_OFFICE = "mx-office-450681";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** One endpoint: its mapping, a request to it, who may use it, and whether district B must be refused. */
	record Rule(String method, String pattern, String path, String allowed, boolean scoped, String kind) {
	}

	private Map<String, String> ids() {
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("docA", id("select id from policy_document where doc_number = '港质强办〔2017〕1号'"));
		ids.put("cityDoc", id("select id from policy_document where doc_number = '防政发〔2017〕14号'"));
		ids.put("targetA", id("select min(id) from target where region_code = '450602'"));
		ids.put("valueA", id("""
				select min(v.id) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450602' and p.year = 2019"""));
		ids.put("period", id("select id from reporting_period where year = 2020 and kind = 'ANNUAL'"));
		ids.put("deptA", id("select id from department where region_code = '450602' and kind = 'MARKET_REGULATION'"));
		ids.put("indicator", id("select id from indicator where code = 'FCG-02'"));
		ids.put("task", id("select min(id) from task"));
		ids.put("account", id("select id from user_account where username = 'mx-target'"));
		ids.put("rubric", id("select id from rubric where year = 2019 and parent_region_code = '450600'"));
		ids.put("rubricItem", id("select min(i.id) from rubric_item i join rubric r on r.id = i.rubric_id where r.year = 2019"));
		ids.put("auditorAccount", id("select id from user_account where username = 'mx-auditor'"));
		ids.put("secadminAccount", id("select id from user_account where username = 'mx-secadmin'"));
		ids.put("adminAccount", id("select id from user_account where username = 'admin'"));
		return ids;
	}

	private List<Rule> rules(Map<String, String> ids) {
		String table = """
				GET  /                                          | /                                                     | ANY
				GET  /account/password                          | /account/password                                     | ANY
				POST /account/password                          | /account/password                                     | ANY
				GET  /admin/departments                         | /admin/departments                                    | ADMIN
				POST /admin/departments                         | /admin/departments                                    | ADMIN
				GET  /admin/departments/new                     | /admin/departments/new                                | ADMIN
				GET  /admin/departments/{id}/edit               | /admin/departments/{deptA}/edit                       | ADMIN
				POST /admin/departments/{id}                    | /admin/departments/{deptA}                            | ADMIN
				POST /admin/departments/{id}/active             | /admin/departments/{deptA}/active?active=true         | ADMIN
				GET  /admin/organisation/import                 | /admin/organisation/import                            | ADMIN
				POST /admin/organisation/import                 | /admin/organisation/import?kind=REGIONS               | ADMIN       | multipart
				GET  /admin/organisation/import/report.csv      | /admin/organisation/import/report.csv                 | ADMIN
				GET  /admin/regions                             | /admin/regions                                        | ADMIN
				POST /admin/regions                             | /admin/regions                                        | ADMIN
				GET  /admin/regions/new                         | /admin/regions/new                                    | ADMIN
				GET  /admin/regions/{code}/edit                 | /admin/regions/450602/edit                            | ADMIN
				POST /admin/regions/{code}                      | /admin/regions/450602                                 | ADMIN
				POST /admin/regions/{code}/active               | /admin/regions/450602/active?active=true              | ADMIN
				GET  /admin/users                               | /admin/users                                          | ADMIN
				POST /admin/users                               | /admin/users                                          | ADMIN
				GET  /admin/users/new                           | /admin/users/new                                      | ADMIN
				GET  /admin/users/{id}/edit                     | /admin/users/{account}/edit                           | ADMIN
				POST /admin/users/{id}                          | /admin/users/{account}                                | ADMIN
				POST /admin/users/{id}/enabled                  | /admin/users/{account}/enabled?enabled=true           | ADMIN
				POST /admin/users/{id}/reset-password           | /admin/users/{account}/reset-password                 | ADMIN
				POST /admin/users/{id}/unlock                   | /admin/users/{account}/unlock                         | ADMIN
				GET  /admin/users/{id}/edit                     | /admin/users/{auditorAccount}/edit                    | NOBODY
				POST /admin/users/{id}                          | /admin/users/{auditorAccount}                         | NOBODY
				POST /admin/users/{id}/enabled                  | /admin/users/{auditorAccount}/enabled?enabled=false   | NOBODY
				POST /admin/users/{id}/reset-password           | /admin/users/{auditorAccount}/reset-password          | NOBODY
				POST /admin/users/{id}/enabled                  | /admin/users/{secadminAccount}/enabled?enabled=false  | NOBODY
				POST /admin/users/{id}/reset-password           | /admin/users/{secadminAccount}/reset-password         | NOBODY
				POST /admin/users/{id}/reset-password           | /admin/users/{adminAccount}/reset-password            | NOBODY
				GET  /admin/sessions                            | /admin/sessions                                       | ADMIN
				POST /admin/sessions/sign-out                   | /admin/sessions/sign-out?username=nobody              | ADMIN
				GET  /admin/backups                             | /admin/backups                                        | ADMIN
				POST /admin/backups                             | /admin/backups                                        | ADMIN
				GET  /security/roles                            | /security/roles                                       | SECURITY_ADMIN
				POST /security/roles/{id}                       | /security/roles/{account}?version=-1                  | SECURITY_ADMIN
				GET  /audit                                     | /audit                                                | AUDITOR
				GET  /audit/export.csv                          | /audit/export.csv                                     | AUDITOR
				GET  /api/v1/me                                 | /api/v1/me                                            | ANY
				GET  /api/v1/regions                            | /api/v1/regions                                       | ANY
				GET  /api/v1/regions/catalogue                  | /api/v1/regions/catalogue?q=4506                      | ANY
				POST /api/v1/regions                            | /api/v1/regions                                       | ADMIN       | json
				GET  /api/v1/regions/{code}                     | /api/v1/regions/450602                                | ANY
				PUT  /api/v1/regions/{code}                     | /api/v1/regions/450602                                | ADMIN       | json
				GET  /api/v1/departments                        | /api/v1/departments                                   | ANY
				POST /api/v1/departments                        | /api/v1/departments                                   | ADMIN       | json
				GET  /api/v1/departments/{id}                   | /api/v1/departments/{deptA}                           | ANY
				PUT  /api/v1/departments/{id}                   | /api/v1/departments/{deptA}                           | ADMIN       | json
				GET  /api/v1/documents                          | /api/v1/documents                                     | ANY
				POST /api/v1/documents                          | /api/v1/documents                                     | OFFICE      | json
				GET  /api/v1/documents/{id}                     | /api/v1/documents/{docA}                              | ANY         | scoped
				GET  /api/v1/documents/{id}/consistency         | /api/v1/documents/{docA}/consistency                  | ANY         | scoped
				PUT  /api/v1/documents/{id}                     | /api/v1/documents/{docA}                              | OFFICE      | json scoped
				POST /api/v1/extraction                         | /api/v1/extraction                                    | OFFICE      | text
				GET  /api/v1/indicators                         | /api/v1/indicators                                    | ANY
				POST /api/v1/indicators                         | /api/v1/indicators                                    | OFFICE      | json citywide
				GET  /api/v1/indicators/{id}                    | /api/v1/indicators/{indicator}                        | ANY
				PUT  /api/v1/indicators/{id}                    | /api/v1/indicators/{indicator}                        | OFFICE      | json citywide
				GET  /api/v1/targets                            | /api/v1/targets                                       | ANY
				POST /api/v1/targets                            | /api/v1/targets                                       | OFFICE      | json
				GET  /api/v1/targets/{id}                       | /api/v1/targets/{targetA}                             | ANY         | scoped
				PUT  /api/v1/targets/{id}                       | /api/v1/targets/{targetA}                             | OFFICE      | json scoped
				GET  /api/v1/periods                            | /api/v1/periods                                       | ANY
				POST /api/v1/periods                            | /api/v1/periods                                       | OFFICE      | json citywide
				POST /api/v1/periods/{id}/close                 | /api/v1/periods/{period}/close                        | OFFICE      | json citywide
				POST /api/v1/periods/{id}/reopen                | /api/v1/periods/{period}/reopen                       | OFFICE      | json citywide
				GET  /api/v1/values                             | /api/v1/values                                        | ANY
				PUT  /api/v1/values                             | /api/v1/values                                        | REPORTER    | json
				GET  /api/v1/values/{id}                        | /api/v1/values/{valueA}                               | ANY         | scoped
				GET  /api/v1/values/{id}/history                | /api/v1/values/{valueA}/history                       | FIGURES     | scoped
				GET  /api/v1/values/{id}/evidence               | /api/v1/values/{valueA}/evidence                      | FIGURES     | scoped
				POST /api/v1/values/{id}/evidence               | /api/v1/values/{valueA}/evidence                      | REPORTER    | multipart scoped
				GET  /api/v1/values/{id}/evidence/{evidenceId}  | /api/v1/values/{valueA}/evidence/999999               | FIGURES     | scoped
				POST /api/v1/values/{id}/submit                 | /api/v1/values/{valueA}/submit                        | REPORTER    | json scoped
				POST /api/v1/values/{id}/approve                | /api/v1/values/{valueA}/approve                       | REVIEWER    | json scoped
				POST /api/v1/values/{id}/return                 | /api/v1/values/{valueA}/return                        | REVIEWER    | json scoped
				POST /api/v1/values/{id}/correct                | /api/v1/values/{valueA}/correct                       | OFFICE      | json scoped
				GET  /api/v1/values/export.xlsx                 | /api/v1/values/export.xlsx                            | ANY
				GET  /api/v1/values/export.csv                  | /api/v1/values/export.csv                             | ANY
				POST /api/v1/imports                            | /api/v1/imports                                       | REPORTER    | multipart
				GET  /api/v1/progress                           | /api/v1/progress?regionCode=450602                    | DATA        | scoped
				GET  /api/v1/assessments/{year}                 | /api/v1/assessments/2019?regionCode=450600            | ADMIN OFFICE LEADER | citywide
				GET  /assessments                               | /assessments?region=450600                            | ADMIN OFFICE LEADER | citywide
				GET  /assessments/{year}/regions/{code}         | /assessments/2019/regions/450602                      | DATA        | scoped
				GET  /assessments/{year}/scheme                 | /assessments/2019/scheme                              | OFFICE | citywide
				POST /assessments/{year}/scheme                 | /assessments/2030/scheme                              | OFFICE | citywide
				POST /assessments/{year}/publish                | /assessments/2031/publish?region=450600               | OFFICE
				GET  /rubrics                                   | /rubrics?region=450600                                | ADMIN OFFICE LEADER | citywide
				POST /rubrics                                   | /rubrics?year=2033&region=450600                      | OFFICE
				POST /rubrics/{id}/settings                     | /rubrics/{rubric}/settings?version=-1                 | OFFICE
				POST /rubrics/{id}/items                        | /rubrics/{rubric}/items?version=-1                    | OFFICE
				POST /rubrics/{id}/items/{itemId}/delete        | /rubrics/{rubric}/items/{rubricItem}/delete?version=-1 | OFFICE
				POST /rubrics/{id}/items/{itemId}               | /rubrics/{rubric}/items/{rubricItem}?version=-1       | OFFICE
				POST /rubrics/{id}/import                       | /rubrics/{rubric}/import?version=-1                   | OFFICE      | multipart
				GET  /rubrics/{id}/results                      | /rubrics/{rubric}/results                             | ADMIN OFFICE LEADER | citywide
				GET  /rubrics/{id}/results.xlsx                 | /rubrics/{rubric}/results.xlsx                        | ADMIN OFFICE LEADER | citywide
				POST /rubrics/{id}/publish                      | /rubrics/{rubric}/publish?version=-1&confirm=true     | OFFICE
				GET  /rubrics/{id}/regions/{code}               | /rubrics/{rubric}/regions/450602                      | DATA        | scoped
				POST /rubrics/{id}/regions/{code}/self          | /rubrics/{rubric}/regions/450602/self?version=-1      | REPORTER    | scoped
				POST /rubrics/{id}/regions/{code}/evidence      | /rubrics/{rubric}/regions/450602/evidence             | REPORTER OFFICE | multipart scoped
				GET  /rubrics/{id}/regions/{code}/evidence/{evidenceId} | /rubrics/{rubric}/regions/450602/evidence/999999 | DATA      | scoped
				POST /rubrics/{id}/regions/{code}/evidence/{evidenceId}/delete | /rubrics/{rubric}/regions/450602/evidence/999999/delete | REPORTER OFFICE | scoped
				POST /rubrics/{id}/regions/{code}/review        | /rubrics/{rubric}/regions/450602/review?version=-1    | OFFICE      | scoped
				POST /rubrics/{id}/regions/{code}/return        | /rubrics/{rubric}/regions/450602/return?version=-1&reason=x | OFFICE | scoped
				GET  /rubrics/{id}/regions/{code}/sheet.pdf     | /rubrics/{rubric}/regions/450602/sheet.pdf            | DATA        | scoped
				GET  /rubrics/{id}/regions/{code}/sheet.xlsx    | /rubrics/{rubric}/regions/450602/sheet.xlsx           | DATA        | scoped
				GET  /dashboards                                | /dashboards?region=450602                             | DATA        | scoped
				GET  /dashboards/overview.xlsx                  | /dashboards/overview.xlsx?region=450602               | DATA        | scoped
				GET  /dashboards/regions/{code}                 | /dashboards/regions/450602                            | DATA        | scoped
				GET  /dashboards/regions/{code}/export.xlsx     | /dashboards/regions/450602/export.xlsx                | DATA        | scoped
				GET  /dashboards/departments                    | /dashboards/departments                               | DATA
				GET  /dashboards/departments/{id}               | /dashboards/departments/{deptA}                       | DATA        | scoped
				GET  /dashboards/departments/{id}/export.xlsx   | /dashboards/departments/{deptA}/export.xlsx           | DATA        | scoped
				GET  /dashboards/documents/{id}                 | /dashboards/documents/{docA}                          | DATA        | scoped
				GET  /dashboards/documents/{id}/export.xlsx     | /dashboards/documents/{docA}/export.xlsx              | ANY
				GET  /dashboards/indicators/{id}                | /dashboards/indicators/{indicator}                    | ANY
				GET  /dashboards/indicators/{id}/export.xlsx    | /dashboards/indicators/{indicator}/export.xlsx        | ANY
				GET  /dashboards/indicators/{id}/figures.csv    | /dashboards/indicators/{indicator}/figures.csv        | ANY
				GET  /dashboards/indicators/{id}/figures.xlsx   | /dashboards/indicators/{indicator}/figures.xlsx       | ANY
				GET  /publication                               | /publication                                          | OFFICE
				GET  /publication/documents/{id}/preview        | /publication/documents/{docA}/preview                 | OFFICE
				POST /publication/documents/{id}/publish        | /publication/documents/{docA}/publish                 | OFFICE
				POST /publication/documents/{id}/withdraw       | /publication/documents/{docA}/withdraw                | OFFICE
				GET  /publication/years/{year}/preview          | /publication/years/2019/preview                       | OFFICE
				POST /publication/years/{year}/publish          | /publication/years/2031/publish?confirmed=true        | OFFICE
				POST /publication/years/{year}/withdraw         | /publication/years/2031/withdraw                      | OFFICE
				GET  /gk                                        | /gk                                                   | PUBLIC
				GET  /gk/                                       | /gk/                                                  | PUBLIC
				GET  /gk/documents/{id}                         | /gk/documents/{cityDoc}                               | PUBLIC
				GET  /gk/documents/{id}/indicators/{indicatorId} | /gk/documents/{cityDoc}/indicators/{indicator}       | PUBLIC
				GET  /gk/documents/{id}/indicators/{indicatorId}.csv | /gk/documents/{cityDoc}/indicators/{indicator}.csv | PUBLIC
				GET  /gk/documents/{id}/indicators/{indicatorId}.xlsx | /gk/documents/{cityDoc}/indicators/{indicator}.xlsx | PUBLIC
				GET  /reports/{code}/{year}                     | /reports/450602/2019                                  | DATA        | scoped
				GET  /reports/{code}/{year}.pdf                 | /reports/450602/2019.pdf                              | DATA        | scoped
				GET  /documents                                 | /documents                                            | ANY
				POST /documents                                 | /documents                                            | OFFICE
				GET  /documents/new                             | /documents/new                                        | OFFICE
				GET  /documents/{id}                            | /documents/{docA}                                     | ANY         | scoped
				POST /documents/{id}                            | /documents/{docA}                                     | OFFICE      | scoped
				GET  /documents/{id}/edit                       | /documents/{docA}/edit                                | OFFICE      | scoped
				GET  /documents/{id}/file                       | /documents/{docA}/file                                | ANY         | scoped
				POST /documents/{id}/file                       | /documents/{docA}/file                                | OFFICE      | multipart scoped
				POST /documents/{id}/parents                    | /documents/{docA}/parents?parentNumber=x&relation=IMPLEMENTS | OFFICE | scoped
				POST /documents/{id}/parents/{parentId}/remove  | /documents/{docA}/parents/{cityDoc}/remove            | OFFICE      | scoped
				POST /documents/{documentId}/goals              | /documents/{docA}/goals?area=PRODUCT&title=x          | OFFICE      | scoped
				POST /documents/{documentId}/consistency/acknowledge | /documents/{docA}/consistency/acknowledge?parentTargetId=1&reason=x | OFFICE | scoped
				POST /documents/{documentId}/consistency/withdraw | /documents/{docA}/consistency/withdraw?parentTargetId=1 | OFFICE | scoped
				GET  /documents/{documentId}/extraction         | /documents/{docA}/extraction                          | OFFICE      | scoped
				POST /documents/{documentId}/extraction/run     | /documents/{docA}/extraction/run                      | OFFICE      | scoped
				POST /documents/{documentId}/extraction/text    | /documents/{docA}/extraction/text?text=x              | OFFICE      | scoped
				POST /documents/{documentId}/extraction/file    | /documents/{docA}/extraction/file                     | OFFICE      | multipart scoped
				POST /documents/{documentId}/extraction/accept-all | /documents/{docA}/extraction/accept-all            | OFFICE      | scoped
				GET  /documents/{documentId}/extraction/accept-all | /documents/{docA}/extraction/accept-all            | OFFICE      | scoped
				GET  /documents/{documentId}/extraction/candidates/{candidateId} | /documents/{docA}/extraction/candidates/999999 | OFFICE | scoped
				POST /documents/{documentId}/extraction/candidates/{candidateId}/accept | /documents/{docA}/extraction/candidates/999999/accept | OFFICE | scoped
				POST /documents/{documentId}/extraction/candidates/{candidateId}/reject | /documents/{docA}/extraction/candidates/999999/reject | OFFICE | scoped
				GET  /indicators                                | /indicators                                           | ANY
				POST /indicators                                | /indicators                                           | OFFICE | citywide
				GET  /indicators/new                            | /indicators/new                                       | OFFICE | citywide
				GET  /indicators/{id}/edit                      | /indicators/{indicator}/edit                          | OFFICE | citywide
				POST /indicators/{id}                           | /indicators/{indicator}                               | OFFICE | citywide
				GET  /targets                                   | /targets                                              | ANY
				POST /targets                                   | /targets                                              | OFFICE
				GET  /targets/new                               | /targets/new?documentId={docA}                        | OFFICE      | scoped
				GET  /targets/{id}                              | /targets/{targetA}                                    | ANY         | scoped
				POST /targets/{id}                              | /targets/{targetA}                                    | OFFICE      | scoped
				GET  /targets/{id}/edit                         | /targets/{targetA}/edit                               | OFFICE      | scoped
				GET  /targets/{id}/milestones                   | /targets/{targetA}/milestones                         | OFFICE      | scoped
				POST /targets/{id}/milestones                   | /targets/{targetA}/milestones                         | OFFICE      | scoped
				GET  /targets/{id}/cascade                      | /targets/{targetA}/cascade                            | OFFICE      | scoped
				POST /targets/{id}/cascade                      | /targets/{targetA}/cascade                            | OFFICE      | scoped
				POST /tasks                                     | /tasks                                                | OFFICE
				GET  /tasks/new                                 | /tasks/new?documentId={cityDoc}                       | OFFICE | citywide
				GET  /tasks/{id}                                | /tasks/{task}                                         | ANY
				POST /tasks/{id}                                | /tasks/{task}                                         | OFFICE
				GET  /tasks/{id}/edit                           | /tasks/{task}/edit                                    | OFFICE | citywide
				POST /tasks/{id}/notes                          | /tasks/{task}/notes?notedOn=2020-01-01&note=x         | OFFICE REPORTER
				GET  /reporting                                 | /reporting                                            | REPORTER
				POST /reporting/{periodId}                      | /reporting/{period}                                   | REPORTER
				GET  /reporting/{periodId}/template.xlsx        | /reporting/{period}/template.xlsx                     | REPORTER
				GET  /reporting/import                          | /reporting/import                                     | REPORTER
				POST /reporting/import                          | /reporting/import                                     | REPORTER    | multipart
				GET  /reporting/import/report.csv               | /reporting/import/report.csv                          | REPORTER
				GET  /reporting/export.xlsx                     | /reporting/export.xlsx                                | ANY
				GET  /reporting/export.csv                      | /reporting/export.csv                                 | ANY
				GET  /reporting/completeness                    | /reporting/completeness                               | OFFICE REVIEWER LEADER
				GET  /reporting/periods                         | /reporting/periods                                    | OFFICE
				POST /reporting/periods                         | /reporting/periods?year=2032&kind=ANNUAL              | OFFICE | citywide
				POST /reporting/periods/{id}/close              | /reporting/periods/{period}/close                     | OFFICE | citywide
				POST /reporting/periods/{id}/reopen             | /reporting/periods/{period}/reopen?reason=x           | OFFICE | citywide
				GET  /reporting/review                          | /reporting/review                                     | REVIEWER
				GET  /reporting/acceptance                      | /reporting/acceptance                                 | OFFICE
				POST /reporting/acceptance/decide               | /reporting/acceptance/decide?ids={valueA}             | OFFICE
				POST /reporting/values/{valueId}/reopen         | /reporting/values/{valueA}/reopen?reason=x            | OFFICE      | scoped
				POST /reporting/periods/review-levels           | /reporting/periods/review-levels                      | OFFICE | citywide
				POST /reporting/review/decide                   | /reporting/review/decide?ids={valueA}                 | REVIEWER    | scoped
				POST /reporting/review/{valueId}/approve        | /reporting/review/{valueA}/approve                    | REVIEWER    | scoped
				POST /reporting/review/{valueId}/return         | /reporting/review/{valueA}/return?reason=x            | REVIEWER    | scoped
				GET  /reporting/values/{valueId}                | /reporting/values/{valueA}                            | FIGURES     | scoped
				POST /reporting/values/{valueId}/submit         | /reporting/values/{valueA}/submit                     | REPORTER    | scoped
				POST /reporting/values/{valueId}/comments       | /reporting/values/{valueA}/comments?body=x            | REPORTER REVIEWER OFFICE | scoped
				POST /reporting/values/{valueId}/evidence       | /reporting/values/{valueA}/evidence                   | REPORTER    | multipart scoped
				GET  /reporting/values/{valueId}/evidence/{evidenceId} | /reporting/values/{valueA}/evidence/999999     | FIGURES     | scoped
				POST /reporting/values/{valueId}/evidence/{evidenceId}/delete | /reporting/values/{valueA}/evidence/999999/delete | REPORTER | scoped
				GET  /todo                                      | /todo                                                 | ANY
				GET  /notifications                             | /notifications?unread=true&page=2                     | ANY
				POST /notifications/{id}/read                   | /notifications/999999/read?open=true                  | ANY
				POST /notifications/read-all                    | /notifications/read-all                               | ANY
				POST /notifications/settings                    | /notifications/settings?email=                        | ANY
				GET  /announcements                             | /announcements                                        | OFFICE
				POST /announcements                             | /announcements?title=t&body=b&region=450602&roles=REPORTER&confirmed=true | OFFICE
				GET  /reminders                                 | /reminders                                            | OFFICE
				POST /reminders/{periodId}/units                | /reminders/{period}/units?region=450602&department={deptA} | OFFICE | scoped
				POST /reminders/{periodId}/all                  | /reminders/{period}/all                               | OFFICE
				GET  /login                                     | /login                                                | PUBLIC
				GET  /login/captcha.png                         | /login/captcha.png                                    | PUBLIC
				GET  /swagger-ui.html                           | /swagger-ui.html                                      | PUBLIC
				GET  /v3/api-docs                               | /v3/api-docs                                          | PUBLIC
				GET  /v3/api-docs.yaml                          | /v3/api-docs.yaml                                     | PUBLIC
				GET  /v3/api-docs/swagger-config                | /v3/api-docs/swagger-config                           | PUBLIC
				""";
		List<Rule> rules = new ArrayList<>();
		for (String line : table.strip().split("\\R")) {
			String[] cells = line.split("\\|");
			String[] mapping = cells[0].strip().split("\\s+");
			String path = cells[1].strip();
			for (Map.Entry<String, String> id : ids.entrySet()) {
				path = path.replace("{" + id.getKey() + "}", id.getValue());
			}
			String allowed = cells[2].strip().replace("DATA", DATA).replace("FIGURES", FIGURES);
			String flags = cells.length > 3 ? cells[3].strip() : "";
			rules.add(new Rule(mapping[0], mapping[1], path, allowed, flags.contains("scoped"),
					flags.replace("scoped", "").strip()));
		}
		return rules;
	}

	/** Who asks, with which roles, and whether their scope takes in district A. */
	record Actor(String username, Set<String> roles, boolean coversA) {
	}

	@Test
	void everyEndpointAllowsExactlyWhomTheTableSaysAndADeniedRequestChangesNothing() throws Exception {
		accounts.account("mx-admin", Role.ADMIN);
		accounts.account("mx-secadmin", Role.SECURITY_ADMIN);
		accounts.account("mx-auditor", Role.AUDITOR);
		accounts.account("mx-target", Role.LEADER);
		// A district's office: its district's documents and targets, never the city-wide settings.
		accounts.member(DISTRICT_OFFICE, "450681", true, Role.OFFICE);
		List<Actor> actors = List.of(new Actor(null, Set.of(), false), new Actor("mx-admin", Set.of("ADMIN"), true),
				new Actor("mx-secadmin", Set.of("SECURITY_ADMIN"), false), new Actor("mx-auditor", Set.of("AUDITOR"), false),
				new Actor("office", Set.of("OFFICE"), true), new Actor("leader", Set.of("LEADER"), true),
				new Actor("reviewer-450602", Set.of("REVIEWER"), true), new Actor("reporter-450602", Set.of("REPORTER"), true),
				new Actor("reporter-450603", Set.of("REPORTER"), false), new Actor(DISTRICT_OFFICE, Set.of("OFFICE"), false));
		List<Rule> rules = rules(ids());

		Set<String> mapped = new TreeSet<>();
		mapping.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition().getPatternValues().forEach(pattern -> {
			if (!pattern.equals("/error")) {
				info.getMethodsCondition().getMethods().forEach(verb -> mapped.add(verb + " " + pattern));
			}
		}));
		Set<String> covered = new TreeSet<>();
		rules.forEach(rule -> covered.add(rule.method() + " " + rule.pattern()));
		assertThat(covered).as("endpoints in the table").containsAll(mapped);

		List<String> wrong = new ArrayList<>();
		// Reads first, then writes; denied writes before the allowed one, so the fingerprint compares like with like.
		for (Rule rule : rules.stream().filter(rule -> rule.method().equals("GET")).toList()) {
			for (Actor actor : actors) {
				check(rule, actor, wrong);
			}
		}
		for (Rule rule : rules.stream().filter(rule -> !rule.method().equals("GET")).toList()) {
			Actor allowedOne = null;
			for (Actor actor : actors) {
				if (mayUse(rule, actor)) {
					allowedOne = allowedOne == null ? actor : allowedOne;
					continue;
				}
				String before = fingerprint();
				check(rule, actor, wrong);
				String after = fingerprint();
				if (!before.equals(after)) {
					wrong.add(rule.method() + " " + rule.path() + " as " + actor.username() + ": denied but changed data");
				}
			}
			if (allowedOne != null) {
				String before = fingerprint();
				check(rule, allowedOne, wrong);
				String after = fingerprint();
				// Every change is in the audit trail: data changed (any count or version but the trail's) means a new audit row.
				if (!withoutAudit(before).equals(withoutAudit(after)) && audit(before) == audit(after)) {
					wrong.add(rule.method() + " " + rule.path() + " as " + allowedOne.username() + ": changed data without an audit row");
				}
			}
		}
		assertThat(wrong).as("requests answered against the table").isEmpty();
	}

	private static boolean mayUse(Rule rule, Actor actor) {
		if (rule.allowed().equals(PUBLIC)) {
			return true;
		}
		if (actor.username() == null) {
			return false;
		}
		Set<String> allowed = Set.of(rule.allowed().split("\\s+"));
		boolean role = rule.allowed().equals(ANY) || actor.roles().stream().anyMatch(allowed::contains);
		boolean citywide = rule.kind().contains("citywide") && DISTRICT_OFFICE.equals(actor.username());
		return role && (!rule.scoped() || actor.coversA()) && !citywide;
	}

	private void check(Rule rule, Actor actor, List<String> wrong) throws Exception {
		int status = perform(rule, actor);
		boolean allowed = mayUse(rule, actor);
		String who = actor.username() == null ? "anonymous" : actor.username();
		if (allowed && (status == 401 || status == 403 || status >= 500 || redirectsToLogin)) {
			wrong.add(rule.method() + " " + rule.path() + " as " + who + ": expected allowed, got " + status);
		}
		if (!allowed) {
			boolean refused = actor.username() == null ? status == 401 || redirectsToLogin
					: status == 403 || (rule.scoped() && status == 404);
			if (!refused) {
				wrong.add(rule.method() + " " + rule.path() + " as " + who + ": expected denied, got " + status);
			}
		}
	}

	private boolean redirectsToLogin;

	private int perform(Rule rule, Actor actor) throws Exception {
		org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request;
		if (rule.kind().contains("multipart")) {
			request = MockMvcRequestBuilders.multipart(rule.path())
				.file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()));
		}
		else {
			request = MockMvcRequestBuilders.request(HttpMethod.valueOf(rule.method()), rule.path());
		}
		if (rule.kind().contains("json")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		if (rule.kind().contains("text")) {
			request.contentType(MediaType.TEXT_PLAIN).content("到2020年，合格率达到95%以上。");
		}
		if (!rule.method().equals("GET")) {
			request.with(csrf());
		}
		if (actor.username() != null) {
			request.with(accounts.as(actor.username()));
		}
		org.springframework.mock.web.MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (jakarta.servlet.ServletException failure) {
			// An exception that escapes the application would be a 500 for the user.
			redirectsToLogin = false;
			return 500;
		}
		String location = response.getHeader("Location");
		redirectsToLogin = location != null && location.endsWith("/login");
		return response.getStatus();
	}

	/** Row counts and version sums of the tables any endpoint writes: equal before and after means nothing changed. */
	private String fingerprint() {
		return jdbc.queryForObject("""
				select concat_ws(',',
				  (select count(*) || ':' || sum(version) from policy_document), (select count(*) from policy_document_parent),
				  (select count(*) || ':' || sum(version) from target), (select count(*) from milestone),
				  (select count(*) || ':' || sum(version) from indicator), (select count(*) || ':' || sum(version) from goal),
				  (select count(*) || ':' || sum(version) from task), (select count(*) from task_note),
				  (select count(*) || ':' || sum(version) from indicator_value), (select count(*) from value_evidence),
				  (select count(*) || ':' || sum(version) from reporting_period),
				  (select count(*) || ':' || sum(version) from region), (select count(*) || ':' || sum(version) from department),
				  (select count(*) || ':' || sum(version) from user_account), (select count(*) from user_account_role),
				  (select count(*) from assessment_scheme), (select count(*) from assessment_publication),
				  (select count(*) || ':' || sum(version) from rubric), (select count(*) from rubric_item),
				  (select count(*) || ':' || coalesce(sum(version), 0) from self_assessment), (select count(*) from self_assessment_evidence),
				  (select count(*) from rubric_publication),
				  (select count(*) from extraction_candidate),
				  (select count(*) from published_document), (select count(*) from published_year),
				  (select count(*) || ':' || sum(version) from review_setting),
				  (select count(*) from announcement), (select count(*) from reminder), (select count(*) from notification_setting),
				  (select count(*) from value_comment),
				  -- the audit trail's count last: withoutAudit and audit read it there
				  (select count(*) from audit_log))""", String.class);
	}

	private static String withoutAudit(String fingerprint) {
		return fingerprint.substring(0, fingerprint.lastIndexOf(','));
	}

	private static long audit(String fingerprint) {
		return Long.parseLong(fingerprint.substring(fingerprint.lastIndexOf(',') + 1));
	}

	private String id(String sql) {
		return String.valueOf(jdbc.queryForObject(sql, Long.class));
	}

}
