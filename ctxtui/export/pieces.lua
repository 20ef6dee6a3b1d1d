-- pandoc's Typst writer takes time growing with the square of the length of a text without a
-- space (one word of 20,000 characters: 1.6 s; 50,000: 8.5 s). Cutting each long Str into
-- pieces of at most PIECE bytes makes it linear, and changes nothing in the Typst it writes:
-- the pieces are written one after the other, each escaped as the whole would be.
--
-- Cuts fall between two characters (never inside one's UTF-8 bytes); never before a ";" (the
-- writer escapes one that starts a Str); and never so that a piece would end in the middle of
-- a pair of "/": the writer escapes "//" (a comment in Typst) pair by pair from the left
-- within one Str, so a cut after an even number of slashes in a run is the only safe one
-- inside it.
local PIECE = 256

local SLASH = 47
local SEMICOLON = 59

local function continuation(byte)
  return byte ~= nil and byte >= 0x80 and byte < 0xC0
end

-- how many "/" stand just before byte ``cut``, counting no further back than ``start``
local function slashes_before(text, cut, start)
  local count = 0
  local at = cut - 1
  while at >= start and text:byte(at) == SLASH do
    count = count + 1
    at = at - 1
  end
  return count
end

local function safe(text, cut, start)
  local byte = text:byte(cut)
  if continuation(byte) or byte == SEMICOLON then
    return false
  end
  if byte == SLASH then
    return slashes_before(text, cut, start) % 2 == 0
  end
  return true
end

-- where the piece starting at byte ``start`` should end: the last safe cut within PIECE bytes,
-- else the first one after (a run of ";"), else nil (the rest stays whole)
local function next_cut(text, start)
  for cut = start + PIECE, start + 1, -1 do
    if safe(text, cut, start) then
      return cut
    end
  end
  for cut = start + PIECE + 1, #text do
    if safe(text, cut, start) then
      return cut
    end
  end
  return nil
end

function Str(el)
  local text = el.text
  if #text <= PIECE then
    return nil
  end
  local pieces = {}
  local start = 1
  while #text - start + 1 > PIECE do
    local cut = next_cut(text, start)
    if cut == nil then
      break
    end
    pieces[#pieces + 1] = pandoc.Str(text:sub(start, cut - 1))
    start = cut
  end
  pieces[#pieces + 1] = pandoc.Str(text:sub(start))
  return pieces
end
