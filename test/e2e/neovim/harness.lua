-- Drives plan-lint-lsp from Neovim's own LSP client (a client the project did not write):
-- diagnostics, hover, document symbols, folding-free code actions, and a quick fix applied with
-- vim.lsp.util.apply_workspace_edit, after which the diagnostic must be gone.
-- Environment: PLAN_LINT_LSP (the bin), WORKDIR (a copy of the files), SEED, FIXTURE, RESULT.
local out = { steps = {} }
local server = assert(os.getenv('PLAN_LINT_LSP'), 'PLAN_LINT_LSP is not set')
local workdir = assert(os.getenv('WORKDIR'), 'WORKDIR is not set')
local seed = assert(os.getenv('SEED'), 'SEED is not set')
local fixture = assert(os.getenv('FIXTURE'), 'FIXTURE is not set')
local result_path = assert(os.getenv('RESULT'), 'RESULT is not set')
local TIMEOUT = 15000

local function write_result()
  local file = io.open(result_path, 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
end

local function fail(message)
  out.error = message
  write_result()
  io.stderr:write('neovim e2e FAILED: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function step(name, value)
  table.insert(out.steps, name)
  io.stdout:write('ok: ' .. name .. '\n')
  if value ~= nil then out[name] = value end
end

local published = {}
local exited = nil
local client_id = vim.lsp.start_client({
  name = 'plan-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = workdir,
  settings = { planLint = { debounceMs = 0 } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code) exited = code end,
})
if not client_id then return fail('vim.lsp.start_client returned nil') end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local ok = vim.wait(TIMEOUT, function() return published[uri] ~= nil or exited ~= nil end, 20)
  if not ok or published[uri] == nil then fail('no diagnostics published for ' .. path .. (exited and (' (server exited ' .. exited .. ')') or '')) end
  return bufnr, uri
end

local function rules_of(diagnostics)
  local rules = {}
  for _, diagnostic in ipairs(diagnostics) do rules[#rules + 1] = diagnostic.code end
  return rules
end

local function find_rule(diagnostics, rule)
  for _, diagnostic in ipairs(diagnostics) do
    if diagnostic.code == rule then return diagnostic end
  end
  return nil
end

local function request(bufnr, method, params)
  local client = vim.lsp.get_client_by_id(client_id)
  local response, err = client.request_sync(method, params, TIMEOUT, bufnr)
  if not response then fail(method .. ' failed: ' .. tostring(err)) end
  if response.err then fail(method .. ' answered an error: ' .. vim.inspect(response.err)) end
  return response.result
end

-- 1. A real plan (a seed, as text): diagnostics arrive, with rule ids, docs links and source.
local seed_buf, seed_uri = open(seed)
local seed_diagnostics = published[seed_uri].diagnostics
if #seed_diagnostics == 0 then fail('the seed plan got no diagnostics') end
for _, diagnostic in ipairs(seed_diagnostics) do
  if diagnostic.source ~= 'plan-lint' or type(diagnostic.code) ~= 'string' then fail('diagnostic without source/code: ' .. vim.inspect(diagnostic)) end
  if not (diagnostic.codeDescription and diagnostic.codeDescription.href) then fail('diagnostic without codeDescription.href: ' .. diagnostic.code) end
end
step('seedDiagnostics', rules_of(seed_diagnostics))

local seed_symbols = request(seed_buf, 'textDocument/documentSymbol', { textDocument = { uri = seed_uri } })
if #seed_symbols == 0 then fail('the seed plan has no document symbols') end
step('seedSymbols', #seed_symbols)

-- 2. The fixture with a fixable defect ("Thực hiện Thực hiện").
local buf, uri = open(fixture)
local duplicate = find_rule(published[uri].diagnostics, 'duplicate-word')
if not duplicate then fail('no duplicate-word diagnostic on the fixture; got ' .. vim.inspect(rules_of(published[uri].diagnostics))) end
step('fixtureDiagnostics', rules_of(published[uri].diagnostics))

-- Hover on the Nghị định citation: the registry's entry.
local citation_line = vim.fn.search('125/2021/NĐ-CP', 'nw')
if citation_line == 0 then fail('citation not found in the fixture') end
local citation_col = vim.fn.match(vim.fn.getline(citation_line), '125/2021')
vim.api.nvim_win_set_cursor(0, { citation_line, citation_col })
local hover = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params())
if not hover or not hover.contents or not hover.contents.value then fail('no hover on the citation') end
if not string.find(hover.contents.value, 'Chính phủ', 1, true) then fail('hover does not name the issuer: ' .. hover.contents.value) end
step('hover', hover.contents.value)

-- Document symbols: the four sections, nested items inside.
local symbols = request(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } })
local names = {}
for _, symbol in ipairs(symbols) do names[#names + 1] = symbol.name end
if #symbols ~= 4 or not symbols[1].children or #symbols[1].children == 0 then fail('unexpected outline: ' .. vim.inspect(names)) end
step('symbols', names)

-- The quick fix for duplicate-word, applied by Neovim itself.
local line = duplicate.range.start.line
vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
local params = vim.lsp.util.make_range_params()
params.range = duplicate.range
params.context = { diagnostics = { duplicate }, only = { 'quickfix' } }
local actions = request(buf, 'textDocument/codeAction', params)
local fix = nil
local titles = {}
for _, action in ipairs(actions) do
  titles[#titles + 1] = action.title
  if action.edit and action.diagnostics and action.diagnostics[1] and action.diagnostics[1].code == 'duplicate-word' and action.isPreferred then fix = action end
end
if not fix then fail('no preferred quick fix for duplicate-word; actions: ' .. vim.inspect(titles)) end
step('codeActions', titles)

local before = published[uri]
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
local fixed_line = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
if string.find(fixed_line, 'Thực hiện Thực hiện', 1, true) then fail('the fix did not change the text: ' .. fixed_line) end
step('fixedLine', fixed_line)

local gone = vim.wait(TIMEOUT, function()
  local latest = published[uri]
  return latest ~= before and find_rule(latest.diagnostics, 'duplicate-word') == nil
end, 20)
if not gone then fail('duplicate-word still reported after the fix: ' .. vim.inspect(rules_of(published[uri].diagnostics))) end
step('afterFix', rules_of(published[uri].diagnostics))

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return exited ~= nil end, 20)
out.ok = true
write_result()
vim.cmd('qa!')
