/**
 * Reads uploaded CSV and xlsx files as rows of text, safely: bounded size, rows and decompressed
 * bytes, UTF-8 or GB18030 (what Excel writes in China) detected, and a clear message key for
 * every file it refuses. Depends on nothing else of the portal; the import features use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spreadsheets", allowedDependencies = {})
package cn.qualityportal.spreadsheets;
