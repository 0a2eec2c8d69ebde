/**
 * UI text for the "connect to local endpoint" mode, in English and Korean. Same rules as
 * ../messages.ts: placeholders are filled as text, never as HTML.
 */
import { format, type Locale } from '../messages';

const en = {
  'remote.open': 'Connect to local endpoint…',
  'remote.openHint': 'Watch a simulation run by npm run serve, driven by the AWS CLI or an SDK',
  'remote.title': 'Connect to a local endpoint',
  'remote.intro':
    'npm run serve runs one simulation that the AWS CLI and SDKs reach with --endpoint-url. Connected, this page shows that simulation live; your own session is kept aside and comes back when you disconnect.',
  'remote.url': 'Endpoint URL',
  'remote.connect': 'Connect',
  'remote.disconnect': 'Disconnect',
  'remote.reconnect': 'Reconnect',
  'remote.close': 'Close',
  'remote.connecting': 'Connecting to {url}…',
  'remote.live': 'Showing the local endpoint at {url} live. Change it with the AWS CLI or an SDK: aws --endpoint-url {url} ecs …  Buttons that change the simulation are off here.',
  'remote.liveShort': 'Live: {url}',
  'remote.speed': 'Virtual time runs {speed}× faster than the wall clock.',
  'remote.badUrl': 'Use an http address on this computer, such as http://127.0.0.1:4566 (127.0.0.1, localhost or [::1], no path).',
  'remote.unreachable': 'Nothing answered at {url}. Start the endpoint with npm run serve (add --port N for another port), then connect again.',
  'remote.unreachableOrigin':
    'Nothing answered at {url}. Start the endpoint with npm run serve -- --allow-origin {origin} (this page is not on 127.0.0.1 or localhost, so the endpoint must allow it), and let this site reach local devices if the browser asks.',
  'remote.notEndpoint': '{url} answered, but not as an ECS Playground endpoint ({detail}). Check the port: npm run serve prints the URL it listens on.',
  'remote.version': 'The endpoint at {url} and this page are different versions of ECS Playground ({detail}). Update both from the same checkout, then restart npm run serve.',
  'remote.lost': 'The local endpoint at {url} stopped answering; this page is back on its own simulation. Start npm run serve again, then reconnect.',
  'remote.label': 'Local endpoint',
};

const ko: Record<keyof typeof en, string> = {
  'remote.open': '로컬 엔드포인트에 연결…',
  'remote.openHint': 'npm run serve가 실행하는 시뮬레이션을 AWS CLI나 SDK로 조작하면서 지켜봅니다',
  'remote.title': '로컬 엔드포인트에 연결',
  'remote.intro':
    'npm run serve는 AWS CLI와 SDK가 --endpoint-url로 접근하는 시뮬레이션 하나를 실행합니다. 연결하면 이 페이지가 그 시뮬레이션을 실시간으로 보여 주며, 내 세션은 따로 보관했다가 연결을 끊으면 돌아옵니다.',
  'remote.url': '엔드포인트 URL',
  'remote.connect': '연결',
  'remote.disconnect': '연결 끊기',
  'remote.reconnect': '다시 연결',
  'remote.close': '닫기',
  'remote.connecting': '{url}에 연결하는 중…',
  'remote.live': '{url}의 로컬 엔드포인트를 실시간으로 보여 주고 있습니다. AWS CLI나 SDK로 변경하세요: aws --endpoint-url {url} ecs …  시뮬레이션을 바꾸는 버튼은 여기서 꺼져 있습니다.',
  'remote.liveShort': '실시간: {url}',
  'remote.speed': '가상 시간이 실제 시간보다 {speed}배 빠르게 흐릅니다.',
  'remote.badUrl': '이 컴퓨터의 http 주소를 쓰세요. 예: http://127.0.0.1:4566 (127.0.0.1, localhost 또는 [::1], 경로 없이).',
  'remote.unreachable': '{url}에서 응답이 없습니다. npm run serve로 엔드포인트를 시작한 뒤(다른 포트는 --port N) 다시 연결하세요.',
  'remote.unreachableOrigin':
    '{url}에서 응답이 없습니다. npm run serve -- --allow-origin {origin}으로 엔드포인트를 시작하고(이 페이지는 127.0.0.1이나 localhost가 아니므로 엔드포인트가 허용해야 합니다), 브라우저가 묻는 경우 이 사이트의 로컬 기기 접근을 허용하세요.',
  'remote.notEndpoint': '{url}이 응답했지만 ECS Playground 엔드포인트가 아닙니다({detail}). 포트를 확인하세요. npm run serve는 수신 중인 URL을 출력합니다.',
  'remote.version': '{url}의 엔드포인트와 이 페이지는 서로 다른 버전의 ECS Playground입니다({detail}). 같은 체크아웃에서 둘 다 업데이트한 뒤 npm run serve를 다시 시작하세요.',
  'remote.lost': '{url}의 로컬 엔드포인트가 응답을 멈췄습니다. 이 페이지는 자체 시뮬레이션으로 돌아왔습니다. npm run serve를 다시 시작한 뒤 다시 연결하세요.',
  'remote.label': '로컬 엔드포인트',
};

export type RemoteMessageKey = keyof typeof en;

export const remoteCatalogues: Record<Locale, Record<RemoteMessageKey, string>> = { en, ko };

export function remoteText(locale: () => Locale) {
  return (key: RemoteMessageKey, params?: Record<string, string | number>): string => format(remoteCatalogues[locale()][key], params);
}
