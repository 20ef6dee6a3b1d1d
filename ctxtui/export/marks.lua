-- The marks of ctxtui's Markdown (markup.py writes them: fenced divs named by their
-- identifier, which no typed text can make) turned into what each back end has for them.
-- Every pandoc run of the DOCX and the PDF reads its Markdown through this filter. Nothing
-- here reads a text to find a place: a mark is found by its identifier alone.
--
--   ctxtui-marking    the protective marking: it belongs to the pages' header and footer,
--                     never to the body. Typst: it sets the marking the header and footer
--                     show (pdf.py's preamble reads it); DOCX: taken out of the body, since
--                     the reference document's header and footer carry it.
--   ctxtui-landscape  the part on landscape pages of its own. Typst: the pages turn before
--                     it and back after it; DOCX: kept as a div, which pandoc's writer makes
--                     a bookmark of that name, where layout.py puts the section breaks.
--   ctxtui-chart      where the trend chart goes. Typst: the chart pdf.py defines (none
--                     when there is no chart); DOCX: a bookmark, where layout.py puts it.

local MARKING_MARK = "ctxtui-marking"
local LANDSCAPE_MARK = "ctxtui-landscape"
local CHART_MARK = "ctxtui-chart"

-- text inside a Typst string literal ("..."): backslash and quote escaped, lines joined
local function typst_string(text)
  text = text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("%s+", " ")
  return '"' .. text .. '"'
end

local function typst(code)
  return pandoc.RawBlock("typst", code)
end

local TYPST = {
  [MARKING_MARK] = function(div)
    return typst("#ctxtui-marking.update(" .. typst_string(pandoc.utils.stringify(div)) .. ")")
  end,
  [LANDSCAPE_MARK] = function(div)
    local blocks = pandoc.Blocks({ typst("#set page(flipped: true)") })
    blocks:extend(div.content)
    blocks:insert(typst("#set page(flipped: false)"))
    return blocks
  end,
  [CHART_MARK] = function()
    return typst("#ctxtui-chart")
  end,
}

local DOCX = {
  [MARKING_MARK] = function()
    return {}
  end,
}

local BY_FORMAT = { typst = TYPST, docx = DOCX }

function Div(div)
  local turn = (BY_FORMAT[FORMAT] or {})[div.identifier]
  if turn ~= nil then
    return turn(div)
  end
  return nil
end
