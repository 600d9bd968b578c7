import { describe, expect, it } from 'vitest';
import { countProblems, formatStatus } from './status-text.js';

describe('status bar', () => {
  it('counts only plan-lint errors and warnings', () => {
    const diagnostics = [
      { source: 'plan-lint', severity: 0 },
      { source: 'plan-lint', severity: 0 },
      { source: 'plan-lint', severity: 1 },
      { source: 'plan-lint', severity: 2 },
      { source: 'markdownlint', severity: 0 },
      { severity: 1 },
    ];
    expect(countProblems(diagnostics)).toEqual({ errors: 2, warnings: 1 });
  });

  it('shows counts and packs in Vietnamese', () => {
    expect(formatStatus({ errors: 2, warnings: 1 }, ['van-ban', 'binh-dang-gioi'], 'vi')).toEqual({
      text: '$(error) plan-lint 2/1',
      tooltip: 'plan-lint: 2 lỗi, 1 cảnh báo\nBộ quy tắc: van-ban, binh-dang-gioi',
    });
  });

  it('shows counts in English with plurals, and the default packs when none are named', () => {
    expect(formatStatus({ errors: 0, warnings: 1 }, [], 'en')).toEqual({
      text: '$(warning) plan-lint 0/1',
      tooltip: 'plan-lint: 0 errors, 1 warning\nPacks: recommended',
    });
    expect(formatStatus({ errors: 0, warnings: 0 }, ['van-ban'], 'en', false)).toEqual({
      text: '$(check) plan-lint 0/0',
      tooltip: 'plan-lint: no problems\nPacks: van-ban\nUntrusted workspace: built-in packs only.',
    });
  });
});
