// Character classes for the tokeniser: one byte per UTF-16 code unit, looked up in a 64K table.

export const enum Ch {
  Other = 0,
  Space = 1,
  Newline = 2,
  Arabic = 3,
  ArabicMark = 4, // harakat, tatweel, Quranic marks: part of an Arabic word, never its start
  Latin = 5,
  Digit = 6,
  Punct = 7,
  Format = 8, // zero-width and bidi controls: invisible, never a token of their own
  HighSurrogate = 9,
}

export const charClass = new Uint8Array(0x10000);

function fill(from: number, to: number, k: Ch): void {
  charClass.fill(k, from, to + 1);
}

fill(0x41, 0x5a, Ch.Latin);
fill(0x61, 0x7a, Ch.Latin);
fill(0xc0, 0x24f, Ch.Latin);
charClass[0xd7] = Ch.Other; // ×
charClass[0xf7] = Ch.Other; // ÷
fill(0x370, 0x3ff, Ch.Latin); // Greek letters behave like Latin ones here
fill(0x400, 0x4ff, Ch.Latin); // and Cyrillic
fill(0x30, 0x39, Ch.Digit);

fill(0x0621, 0x063a, Ch.Arabic);
fill(0x0641, 0x064a, Ch.Arabic);
fill(0x066e, 0x066f, Ch.Arabic);
fill(0x0671, 0x06d3, Ch.Arabic);
charClass[0x06d5] = Ch.Arabic;
fill(0x06ee, 0x06ef, Ch.Arabic);
fill(0x06fa, 0x06ff, Ch.Arabic);
fill(0x0750, 0x077f, Ch.Arabic);
fill(0x08a0, 0x08d2, Ch.Arabic);
fill(0xfb50, 0xfd3d, Ch.Arabic);
fill(0xfd50, 0xfdff, Ch.Arabic);
fill(0xfe70, 0xfefc, Ch.Arabic);
charClass[0x0640] = Ch.ArabicMark;
fill(0x0610, 0x061a, Ch.ArabicMark);
fill(0x064b, 0x065f, Ch.ArabicMark);
charClass[0x0670] = Ch.ArabicMark;
fill(0x06d6, 0x06dc, Ch.ArabicMark);
fill(0x06df, 0x06e8, Ch.ArabicMark);
fill(0x06ea, 0x06ed, Ch.ArabicMark);
fill(0x08d3, 0x08ff, Ch.ArabicMark);
fill(0x0660, 0x0669, Ch.Digit);
fill(0x06f0, 0x06f9, Ch.Digit);

for (const c of '!"#%&\'()*,-./:;?@[\\]_{}') charClass[c.charCodeAt(0)] = Ch.Punct;
for (const c of '،؛؟٪٭۔«»¡¿§¶·') charClass[c.charCodeAt(0)] = Ch.Punct;
fill(0x2010, 0x2027, Ch.Punct);
fill(0x2030, 0x205e, Ch.Punct);
fill(0x3001, 0x3003, Ch.Punct);
fill(0x3008, 0x3011, Ch.Punct);
fill(0xfd3e, 0xfd3f, Ch.Punct); // ornate parentheses
fill(0xff01, 0xff0f, Ch.Punct);

fill(0x09, 0x09, Ch.Space);
fill(0x0b, 0x0c, Ch.Space);
charClass[0x20] = Ch.Space;
charClass[0xa0] = Ch.Space;
charClass[0x1680] = Ch.Space;
fill(0x2000, 0x200a, Ch.Space);
charClass[0x202f] = Ch.Space;
charClass[0x205f] = Ch.Space;
charClass[0x3000] = Ch.Space;
charClass[0x0a] = Ch.Newline;
charClass[0x0d] = Ch.Newline;
charClass[0x85] = Ch.Newline;
charClass[0x2028] = Ch.Newline;
charClass[0x2029] = Ch.Newline;

fill(0x200b, 0x200f, Ch.Format);
fill(0x202a, 0x202e, Ch.Format);
fill(0x2060, 0x2069, Ch.Format);
charClass[0xfeff] = Ch.Format;
charClass[0x061c] = Ch.Format;
charClass[0x00ad] = Ch.Format;
charClass[0x180e] = Ch.Format;
fill(0xd800, 0xdbff, Ch.HighSurrogate);
