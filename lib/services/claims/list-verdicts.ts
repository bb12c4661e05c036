import "server-only";
// The verdict set lives with its management (lib/services/verdicts); kept here for the editor page.
export { listVerdicts } from "@/lib/services/verdicts/manage-verdicts";
