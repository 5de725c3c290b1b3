// Emscripten's embind test habit: every test must leave no JS handle alive in C++.
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';

/** Registers hooks asserting that count_emval_handles() is back to its start value after each test. */
export function checkHandlesAroundEachTest(getModule) {
  let before = 0;
  beforeEach(() => { before = getModule().count_emval_handles(); });
  afterEach(() => {
    assert.equal(getModule().count_emval_handles(), before, 'embind handles leaked by this test');
  });
}
