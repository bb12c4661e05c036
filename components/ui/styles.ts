// Shared class lists, so buttons and fields look and behave the same everywhere.
export const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
export const inputClass =
  "block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm focus:border-blue-700";
export const labelClass = "block text-sm font-medium text-stone-800";
export const cardClass = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm";
