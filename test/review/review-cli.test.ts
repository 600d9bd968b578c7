import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCopy } from '../cli/run-cli.js';

describe('plan-lint review', () => {
  it.each(['plan.md', 'plan.txt', 'plan.pdf'])('%s: says what it can do instead (the HTML report) and exits 2', (file) => {
    const vi = runCli(['review', `fixtures/formats/${file}`]);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toBe('');
    expect(vi.stderr).toContain(`review chỉ làm bản nhận xét cho tệp Word (.docx); fixtures/formats/${file} là tệp`);
    expect(vi.stderr).toContain(`plan-lint fixtures/formats/${file} --format html -o bao-cao.html`);
    const en = runCli(['review', '--locale', 'en', `fixtures/formats/${file}`]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`review makes review copies of Word files (.docx) only; fixtures/formats/${file} is a`);
    expect(en.stderr).toContain(`plan-lint fixtures/formats/${file} --format html -o report.html`);
  });

  it('-o writes one copy; beside the plan by default; exit 1 when a finding is an error', () => {
    const { dir, cleanup } = tempCopy(['plan.docx', 'clean.docx']);
    try {
      const one = runCli(['review', 'plan.docx', '-o', 'out/nhan-xet.docx'], { cwd: dir });
      expect(one.stdout).toBe('plan.docx → out/nhan-xet.docx: 3 nhận xét\n');
      expect(one.code).toBe(1);
      const beside = runCli(['review', 'clean.docx', '--locale', 'en'], { cwd: dir });
      expect(beside.stdout).toBe('clean.docx → clean.review.docx: 0 comments\n');
      expect(beside.code).toBe(0);
      expect(existsSync(path.join(dir, 'clean.review.docx'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('--output-dir takes a folder of plans (Word files only, review copies skipped) and keeps subfolders', () => {
    const { dir, cleanup } = tempCopy(['plan.docx', 'plan.md', 'clean.docx']);
    try {
      runCli(['review', 'clean.docx'], { cwd: dir });
      const run = runCli(['review', '.', '--output-dir', 'nhan-xet'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n').sort().join('\n')).toBe('\nclean.docx → nhan-xet/clean.review.docx: 0 nhận xét\nplan.docx → nhan-xet/plan.review.docx: 3 nhận xét');
      expect(readdirSync(path.join(dir, 'nhan-xet')).sort()).toEqual(['clean.review.docx', 'plan.review.docx']);
      const many = runCli(['review', 'plan.docx', 'clean.docx', '-o', 'x.docx'], { cwd: dir });
      expect(many.code).toBe(2);
      expect(many.stderr).toContain('--output nhận một bản nhận xét; có 2 tệp Word: dùng --output-dir THƯ-MỤC');
    } finally {
      cleanup();
    }
  });
});

describe('plan-lint review refuses what it cannot review', () => {
  it('a folder with no Word plan, a review copy named, the plan itself as output', () => {
    const { dir, cleanup } = tempCopy(['plan.md', 'plan.docx']);
    try {
      runCli(['review', 'plan.docx'], { cwd: dir });
      const copy = runCli(['review', 'plan.review.docx'], { cwd: dir });
      expect(copy.code).toBe(2);
      expect(copy.stderr).toContain('plan.review.docx: bị bỏ qua vì khớp mẫu bỏ qua "*.review.docx"');
      const itself = runCli(['review', 'plan.docx', '-o', 'plan.docx', '--locale', 'en'], { cwd: dir });
      expect(itself.code).toBe(2);
      expect(itself.stderr).toContain('--output cannot be the plan itself');
    } finally {
      cleanup();
    }
    const markdownOnly = tempCopy(['plan.md', 'plan.txt']);
    try {
      const run = runCli(['review', '.'], { cwd: markdownOnly.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('plan-lint: không có tệp Word (.docx) nào trong .; review chỉ làm bản nhận xét cho tệp Word. Với kế hoạch .md, .txt, .pdf hãy tạo báo cáo HTML: plan-lint . --format html -o bao-cao.html\n');
    } finally {
      markdownOnly.cleanup();
    }
  });
});
