/**
 * Passwords of 10+ characters that appear near the top of public breach lists, plus local favourites.
 * Compared in lower case. A short list on purpose: it stops the obvious, the length rule does the rest.
 */
export const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111', '1234512345',
  '1q2w3e4r5t', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'asdfghjkl1', 'password12', 'password123',
  'password1234', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'iloveyou12', 'iloveyou123', 'princess12',
  'sunshine123', 'football12', 'basketball', 'welcome123', 'welcome1234', 'admin12345', 'admin123456',
  'administrator', 'letmein123', 'abcdefghij', 'abcd123456', 'abc1234567', 'superman123', 'computer12',
  'indonesia1', 'indonesia123', 'indonesia2024', 'indonesia2025', 'indonesia2026', 'bismillah1',
  'bismillah123', 'alhamdulillah', 'jakarta123', 'surabaya123', 'jawatimur1', 'rahasia123',
  'rahasia1234', 'katasandi1', 'katasandi123', 'sayangku123', 'merdeka1945', 'garuda1234', 'lumbung123',
  'lumbung2026', 'koperasi123', 'koperasi2026', 'umkm123456', 'dinaskoperasi', 'passwordku',
])
