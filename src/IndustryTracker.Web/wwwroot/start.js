// Starts Blazor (loaded with autostart="false") once the browser has painted the prerendered page: its start-up then
// runs in tasks of its own instead of one long task that also lays the whole page out (docs/benchmarks.md, Lighthouse).
// A page in a background tab paints nothing until it is shown, so the start does not wait for a frame longer than 0.5 s.
(function () {
    let started = false;
    const start = () => {
        if (!started) {
            started = true;
            Blazor.start();
        }
    };
    requestAnimationFrame(() => setTimeout(start, 0));
    setTimeout(start, 500);
})();
