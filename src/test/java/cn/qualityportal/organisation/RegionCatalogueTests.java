package cn.qualityportal.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled GB/T 2260 list and the agreement of a region's code, level and parent with it. */
class RegionCatalogueTests {

	final RegionCatalogue catalogue = new RegionCatalogue();

	@Test
	void theListHoldsEveryProvinceCityAndCountyWithTheirParents() {
		assertThat(catalogue.size()).isGreaterThan(3000);
		assertThat(catalogue.find("450600")).contains(new RegionCatalogue.Entry("450600", "防城港市", RegionLevel.CITY, "450000"));
		assertThat(catalogue.find("450681")).contains(new RegionCatalogue.Entry("450681", "东兴市", RegionLevel.COUNTY, "450600"));
		// Municipalities' districts and 省直辖 county-level cities sit directly below the province.
		assertThat(catalogue.find("110101").orElseThrow().parentCode()).isEqualTo("110000");
		assertThat(catalogue.find("429004").orElseThrow().parentCode()).isEqualTo("420000");
		assertThat(catalogue.find("429000")).isEmpty();
		assertThat(catalogue.find("450000").orElseThrow().parentCode()).isNull();
	}

	@Test
	void aCodeMustHaveItsListedLevelAndParent() {
		assertThat(catalogue.check("450602", RegionLevel.COUNTY, "450600")).isEmpty();
		assertThat(catalogue.check("450602", RegionLevel.COUNTY, "")).isEmpty();
		assertThat(catalogue.check("460105", RegionLevel.COUNTY, "450600")).singleElement()
			.extracting(RegionCatalogue.Problem::messageKey).isEqualTo("validation.region.parentMismatch");
		assertThat(catalogue.check("450602", RegionLevel.COUNTY, "450000")).singleElement()
			.extracting(RegionCatalogue.Problem::field).isEqualTo("parentCode");
		assertThat(catalogue.check("450602", RegionLevel.TOWN, "450600")).singleElement()
			.extracting(RegionCatalogue.Problem::field).isEqualTo("level");
		assertThat(catalogue.check("450000", RegionLevel.PROVINCE, "100000")).isEmpty();
		assertThat(catalogue.check("100000", RegionLevel.NATIONAL, null)).isEmpty();
		assertThat(catalogue.check("450698", RegionLevel.COUNTY, "450600")).singleElement()
			.extracting(RegionCatalogue.Problem::messageKey).isEqualTo("validation.region.notInCatalogue");
		// Towns have nine-digit official codes; their six-digit codes here are the office's own.
		assertThat(catalogue.check("450699", RegionLevel.TOWN, "450602")).isEmpty();
	}

	@Test
	void searchFindsByNameOrCodePrefix() {
		assertThat(catalogue.search("防城", 10)).extracting(RegionCatalogue.Entry::code)
			.containsExactly("450600", "450603");
		assertThat(catalogue.search("45060", 10)).extracting(RegionCatalogue.Entry::code)
			.containsExactly("450600", "450602", "450603");
		assertThat(catalogue.search("  ", 10)).isEmpty();
	}

}
