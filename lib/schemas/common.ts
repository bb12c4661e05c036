import { z } from "zod";

/** A version number sent in the query string (DELETE has no body). */
export const ZVersionParam = z.coerce.number({ message: "Add ?version=N: the version you loaded." }).int().positive("Add ?version=N: the version you loaded.");
