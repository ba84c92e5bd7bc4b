/**
 * What every module's controllers share: problem-details exceptions with stable codes, paging,
 * and the page layout model.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.pitwall.platform.web;
