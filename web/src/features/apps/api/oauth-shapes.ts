import type { ResponseBody } from '@/lib/api/types';

/** The OAuth lane's answers the consent, device and connected-apps pages read (api/openapi.yaml, tag oauth). */
export type AuthorizationRequest = ResponseBody<'/oauth/authorization-requests/{id}'>;
export type AuthorizationDecision = ResponseBody<'/oauth/authorization-requests/{id}/decision', 'post'>;
export type DeviceRequest = ResponseBody<'/oauth/device-requests/{user_code}'>;
export type ConnectedAppList = ResponseBody<'/me/connected-apps'>;
export type ConnectedApp = ConnectedAppList['items'][number];
