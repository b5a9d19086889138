package cn.qualityportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database objects a module owns, on its {@code package-info.java}: only the owner names its
 * tables in SQL; other modules read what it publishes (views and SQL functions named for their
 * purpose, or its Java API). {@code DatabaseOwnershipTests} reads every SQL string of the main code
 * and every migration and fails on a name used outside these rules; docs/architecture.md lists them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface DatabaseObjects {

	/** Tables, views, functions and trigger functions only this module names. */
	String[] owns() default {};

	/** Views and SQL functions other modules may read. */
	String[] publishes() default {};

	/**
	 * The module only loads fixture rows into other modules' tables, as a migration would, and
	 * nothing reads through it (the demo data); its SQL is not checked.
	 */
	boolean loadsFixtures() default false;

}
