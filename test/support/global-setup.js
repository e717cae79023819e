// Apps Script evaluates a script's local-time Date methods in the project's time zone; the
// emulated scripts run in this Node process, so the whole test run uses the project's zone.
module.exports = async () => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
};
