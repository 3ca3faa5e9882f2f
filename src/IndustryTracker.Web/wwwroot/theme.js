// Remembers the reader's light/dark choice in a cookie, so the server renders the right theme on the next visit (no flash).
window.industryTracker = window.industryTracker || {};
window.industryTracker.setTheme = function (choice) {
    if (choice === 'light' || choice === 'dark') {
        document.cookie = 'theme=' + choice + '; path=/; max-age=31536000; samesite=lax';
    } else {
        document.cookie = 'theme=; path=/; max-age=0; samesite=lax';
    }
};
