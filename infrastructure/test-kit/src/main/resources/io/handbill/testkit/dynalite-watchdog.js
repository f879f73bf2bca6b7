// Runs dynalite's cli.js (argv[1]) in this process and exits when the Java parent goes away: its end of our
// stdin closes when it dies, even by SIGKILL, and a re-parented process no longer has the parent's pid.
const parent = process.ppid;
const exit = () => process.exit(0);
process.stdin.on('end', exit);
process.stdin.on('error', exit);
process.stdin.resume();
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch (gone) {
    exit();
  }
  if (process.ppid !== parent) exit();
}, 500).unref();
require(process.argv[1]);
