// Who is signed in: the access token from /api/v1/auth/login, kept for this browser tab only
// (sessionStorage), with the username and expiry read from the token's claims.
const KEY = "flotilla.session";
const listeners = new Set();

function read() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    if (saved && saved.expires > Date.now()) return saved;
  } catch {
    // nothing usable saved
  }
  return null;
}

function claimsOf(token) {
  const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(payload));
}

export const session = {
  token: () => read()?.token ?? null,
  username: () => read()?.username ?? null,
  start(token) {
    const claims = claimsOf(token);
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ token, username: claims.sub, expires: claims.exp * 1000 }),
    );
    listeners.forEach((listener) => listener());
  },
  clear() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
