package org.farmgate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The naming rules of ARCHITECTURE.md, kept by the build: no technical class suffixes or
 * prefixes, the allowed suffixes where a framework role is played, and packages cut by
 * feature, never by technical layer.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.farmgate");

	@Test
	void noClassIsNamedAfterATechnicalLayer() {
		ArchRule rule = noClasses().should()
			.haveSimpleNameEndingWith("Impl")
			.orShould()
			.haveSimpleNameEndingWith("DTO")
			.orShould()
			.haveSimpleNameEndingWith("Dto")
			.orShould()
			.haveSimpleNameEndingWith("VO")
			.orShould()
			.haveSimpleNameEndingWith("Vo")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Utils")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Service")
			.orShould()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Dao")
			.orShould()
			.haveSimpleNameEndingWith("Mapper")
			.orShould()
			.haveSimpleNameEndingWith("Entity")
			.because("ARCHITECTURE.md limits suffixes to Controller, Management, Repository, Queries, Form, View, "
					+ "Properties, Configuration and Tests");
		rule.check(classes);
	}

	@Test
	void noClassCarriesAModulePrefix() {
		noClasses().should()
			.haveNameMatching(".*\\.(Oms|Pms|Ums|Sms|Cms|Wms)[A-Z][A-Za-z]*")
			.because("class names carry no prefixes such as OmsOrder")
			.check(classes);
	}

	@Test
	void packagesAreCutByFeatureNotByLayer() {
		noClasses().should()
			.resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..", "..dao..",
					"..dto..", "..vo..", "..entity..", "..entities..", "..impl..", "..util..", "..utils..",
					"..mapper..", "..repository..", "..repositories..", "..model..", "..config..", "..helper..")
			.check(classes);
	}

	@Test
	void controllersAreNamedControllerAndArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.haveSimpleNameEndingWith("Controller")
			.andShould()
			.notBePublic()
			.check(classes);
	}

	@Test
	void repositoriesAreNamedRepository() {
		classes().that()
			.areAssignableTo(Repository.class)
			.should()
			.haveSimpleNameEndingWith("Repository")
			.check(classes);
	}

	@Test
	void configurationClassesAndPropertiesAreNamedSo() {
		classes().that()
			.areAnnotatedWith(Configuration.class)
			.should()
			.haveSimpleNameEndingWith("Configuration")
			.check(classes);
		classes().that()
			.areAnnotatedWith(ConfigurationProperties.class)
			.should()
			.haveSimpleNameEndingWith("Properties")
			.check(classes);
	}

}
