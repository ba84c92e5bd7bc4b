/**
 * The board view: board packs (HTML and PDF) stored immutably and verifiable later, their
 * subscriptions, and the named scorecard views people save and share (docs/board-pack.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Board")
package dev.pitwall.board;
